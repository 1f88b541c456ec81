/** Dutch texts (B1) of attachments of logbook entries. */
export const nlAttachments = {
  attachments: {
    title: 'Bijlagen',
    none: 'Er zijn nog geen bijlagen.',
    download: (name: string, size: string) => `${name} downloaden (${size})`,
    fileLabel: 'Bestand toevoegen',
    fileHint: 'U kunt een PDF of een foto toevoegen (JPG, PNG, WebP, HEIC of GIF). Eén bestand tegelijk, van maximaal 10 MB.',
    upload: 'Toevoegen',
    uploading: 'Bezig met toevoegen…',
    chooseFirst: 'Kies eerst een bestand.',
    tooLarge: 'Het bestand is te groot. Een bestand mag maximaal 10 MB zijn.',
    added: (name: string) => `${name} is toegevoegd.`,
    delete: 'Verwijderen',
    deleteQuestion: 'Wilt u dit bestand verwijderen?',
    deleteExplanation: 'Het bestand is daarna voor niemand meer te zien. Dit kunt u niet ongedaan maken.',
    deleteConfirm: 'Ja, verwijder het bestand',
    deleted: 'Het bestand is verwijderd.',
  },
};
