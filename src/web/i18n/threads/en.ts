import type { Dictionary } from '../dictionary.ts';
import type { nlThreads } from './nl.ts';

/** English texts of message threads in a circle. The type makes sure the keys are the Dutch ones. */
export const enThreads: Dictionary<typeof nlThreads> = {
  threads: {
    title: 'Messages',
    intro: 'Send messages to the whole circle or to a few people. Only the people in a conversation can read it.',
    listTitle: 'Conversations',
    empty: 'You have no conversations yet. Start a new conversation below.',
    unread: (n: number) => (n === 1 ? '1 new message' : `${n} new messages`),
    lastMessage: (when: string) => `Last message: ${when}`,
    messageCount: (n: number) => (n === 1 ? '1 message' : `${n} messages`),
    audience: { circle: 'Whole circle', private: 'Chosen people only' },
    with: (names: string) => `With: ${names}`,
    startTitle: 'Start a new conversation',
    subjectLabel: 'Subject',
    subjectRequired: 'Enter a subject.',
    subjectTooLong: 'The subject is too long. You can use at most 200 characters.',
    audienceLegend: 'Who is this conversation for?',
    audienceHelp: {
      circle: 'Everyone in the care circle can read along, volunteers too.',
      private: 'Only you and the people you choose below.',
    },
    peopleLegend: 'With whom?',
    peopleRequired: 'Choose at least one person.',
    noPeople: 'There are no other people in the circle to choose from yet.',
    bodyLabel: 'First message',
    bodyRequired: 'Write a message.',
    bodyTooLong: 'The message is too long. You can use at most 4000 characters.',
    bodyHelp: 'At most 4000 characters. Enter starts a new line.',
    start: 'Start conversation',
    threadTitle: 'Conversation',
    messagesTitle: 'Messages in this conversation',
    messageLabel: (author: string, when: string) => `Message from ${author}, ${when}`,
    me: 'You',
    replyLabel: 'Your reply',
    send: 'Send',
    sent: 'Your message has been sent.',
    notFoundTitle: 'Conversation not found',
    notFoundText: 'This conversation does not exist, or you are not taking part in it.',
    back: 'Back to messages',
  },
};
