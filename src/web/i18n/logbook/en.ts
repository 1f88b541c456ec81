import type { Dictionary } from '../dictionary.ts';
import type { nlLogbook } from './nl.ts';

/** English texts of the logbook (dagboek) and attachments. The type makes sure the keys are the Dutch ones. */
export const enLogbook: Dictionary<typeof nlLogbook> = {
  logbook: {
    title: 'Logbook',
    intro: 'Write down briefly how things are going. You choose who may read it.',
    formLabel: 'New logbook entry',
    bodyLabel: 'What do you want to write down?',
    bodyHelp: 'At most 4000 characters.',
    required: 'Write something in the logbook.',
    tooLong: 'The text is too long. You can use at most 4000 characters.',
    visibilityLegend: 'Who may read this?',
    visibility: {
      circle: 'Everyone in the circle',
      full: 'Only people with full access',
      private: 'Only me',
    },
    visibilityHelp: {
      circle: 'Everyone in the care circle, volunteers too.',
      full: 'For example the main caregiver and the district nurse.',
      private: 'Nobody else sees this.',
    },
    submit: 'Save in the logbook',
    saved: 'The entry is in the logbook.',
    listTitle: 'Earlier entries',
    empty: 'There is nothing in the logbook yet.',
    entryLabel: (author: string, when: string) => `Entry by ${author}, ${when}`,
    delete: 'Delete',
    deleteQuestion: 'Do you want to delete this entry?',
    deleteExplanation: 'The entry will be gone. You cannot undo this.',
    deleteConfirm: 'Yes, delete',
    deleted: 'The entry has been deleted.',
    entryTitle: 'Logbook entry',
    backToLogbook: 'Back to the logbook',
  },
};
