import type { Dictionary } from '../dictionary.ts';
import type { nlAttachments } from './nl.ts';

/** English texts of attachments of logbook entries. The type makes sure the keys are the Dutch ones. */
export const enAttachments: Dictionary<typeof nlAttachments> = {
  attachments: {
    title: 'Attachments',
    none: 'There are no attachments yet.',
    download: (name: string, size: string) => `Download ${name} (${size})`,
    fileLabel: 'Add a file',
    fileHint: 'You can add a PDF or a photo (JPG, PNG, WebP, HEIC or GIF). One file at a time, at most 10 MB.',
    upload: 'Add',
    uploading: 'Adding…',
    chooseFirst: 'Choose a file first.',
    tooLarge: 'The file is too large. A file can be at most 10 MB.',
    added: (name: string) => `${name} has been added.`,
    delete: 'Delete',
    deleteQuestion: 'Do you want to delete this file?',
    deleteExplanation: 'Nobody will be able to see the file after this. You cannot undo this.',
    deleteConfirm: 'Yes, delete the file',
    deleted: 'The file has been deleted.',
  },
};
