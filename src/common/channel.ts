/** How a code reaches a person: a text, a call that reads it out, or a WhatsApp message. */
export type Channel = 'sms' | 'voice' | 'whatsapp';
export const CHANNELS: readonly Channel[] = ['sms', 'voice', 'whatsapp'];
