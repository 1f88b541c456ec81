/** Refusal messages of attachments of logbook entries (see ./index.ts). Keys are stable: clients may rely on them. */
export const attachmentsMessages = {
  attachment_type_refused: {
    nl: 'Dit soort bestand kan niet. Kies een PDF of een foto (JPG, PNG, WebP, HEIC of GIF).',
    en: 'This kind of file is not allowed. Choose a PDF or a photo (JPG, PNG, WebP, HEIC or GIF).',
  },
  attachment_empty: { nl: 'Het bestand is leeg. Kies een ander bestand.', en: 'The file is empty. Choose another file.' },
  attachment_too_large: { nl: 'Het bestand is te groot. Een bestand mag maximaal 10 MB zijn.', en: 'The file is too large. A file can be at most 10 MB.' },
  attachment_missing: { nl: 'Kies een bestand om toe te voegen.', en: 'Choose a file to add.' },
  attachment_unreadable: { nl: 'Het bestand kwam niet goed aan. Probeer het opnieuw.', en: 'The file did not arrive correctly. Please try again.' },
  attachment_one_file: { nl: 'Voeg één bestand tegelijk toe.', en: 'Add one file at a time.' },
  attachment_author_only: { nl: 'Alleen de schrijver van dit stuk kan er een bestand aan toevoegen.', en: 'Only the author of this entry can add a file to it.' },
  attachment_delete_uploader_only: { nl: 'Alleen wie het bestand heeft toegevoegd, kan het verwijderen.', en: 'Only the person who added the file can delete it.' },
} as const satisfies Record<string, { nl: string; en: string }>;
