/**
 * The shipped price table: US dollars per outbound SMS segment (a voice call
 * counts as one unit), by destination country (ISO 3166-1 alpha-2) and
 * provider, with `default` for every other country.
 *
 * Voice and WhatsApp routes have their own names (TWILIO_VOICE,
 * AWS_EUM_VOICE, TWILIO_WHATSAPP): a call is priced per started minute (the
 * script takes well under one), a WhatsApp authentication template per
 * message. Where a country is not listed for them, `default` holds a
 * deliberately high estimate, so spend caps err on the safe side.
 *
 * Source: the providers' public list prices for outbound SMS to mobile
 * numbers (Twilio Messaging pricing by country; AWS End User Messaging SMS
 * pricing, which SNS SMS uses), compiled 2026-11-27 and rounded. Prices move
 * and vary by route and sender type: these are estimates for routing, spend
 * caps and alerts, replaced by the provider's own reported price when it
 * arrives. Override with SMS_PRICE_TABLE_FILE (same JSON shape).
 *
 * The high-cost ranges that SMS pumping targets (Central Asia, parts of West
 * Africa and South-East Asia, small island states) are listed explicitly.
 */
export const DEFAULT_PRICE_TABLE: Record<string, Record<string, number>> = {
  default: {
    TWILIO: 0.25,
    AWS_SNS: 0.25,
    TWILIO_VOICE: 0.4,
    AWS_EUM_VOICE: 0.4,
    TWILIO_WHATSAPP: 0.1,
    MOCK: 0,
    MOCK_VOICE: 0,
    MOCK_WHATSAPP: 0,
  },
  // North America and Europe
  US: { TWILIO: 0.0083, AWS_SNS: 0.00581, TWILIO_VOICE: 0.014, AWS_EUM_VOICE: 0.013, TWILIO_WHATSAPP: 0.0135 },
  CA: { TWILIO: 0.0083, AWS_SNS: 0.00581, TWILIO_VOICE: 0.014, AWS_EUM_VOICE: 0.013, TWILIO_WHATSAPP: 0.0135 },
  GB: { TWILIO: 0.0524, AWS_SNS: 0.0398 },
  IE: { TWILIO: 0.0801, AWS_SNS: 0.0717 },
  DE: { TWILIO: 0.0928, AWS_SNS: 0.0863 },
  FR: { TWILIO: 0.0798, AWS_SNS: 0.0757 },
  ES: { TWILIO: 0.0834, AWS_SNS: 0.0775 },
  IT: { TWILIO: 0.0887, AWS_SNS: 0.0819 },
  NL: { TWILIO: 0.1161, AWS_SNS: 0.0947 },
  BE: { TWILIO: 0.0994, AWS_SNS: 0.0912 },
  SE: { TWILIO: 0.062, AWS_SNS: 0.0599 },
  NO: { TWILIO: 0.076, AWS_SNS: 0.0683 },
  PL: { TWILIO: 0.0397, AWS_SNS: 0.0352 },
  GR: { TWILIO: 0.0764, AWS_SNS: 0.0703 },
  UA: { TWILIO: 0.0948, AWS_SNS: 0.0894 },
  TR: { TWILIO: 0.0206, AWS_SNS: 0.0193 },
  RU: { TWILIO: 0.7785, AWS_SNS: 0.7106 },
  // Middle East and North Africa
  SY: { TWILIO: 0.2466, AWS_SNS: 0.2281 },
  IQ: { TWILIO: 0.2561, AWS_SNS: 0.2346 },
  LB: { TWILIO: 0.1193, AWS_SNS: 0.1105 },
  JO: { TWILIO: 0.2105, AWS_SNS: 0.1934 },
  EG: { TWILIO: 0.1945, AWS_SNS: 0.1802 },
  YE: { TWILIO: 0.1288, AWS_SNS: 0.1192 },
  SA: { TWILIO: 0.0488, AWS_SNS: 0.0452 },
  AE: { TWILIO: 0.0797, AWS_SNS: 0.0742 },
  // South and Central Asia
  AF: { TWILIO: 0.2933, AWS_SNS: 0.2715 },
  PK: { TWILIO: 0.3085, AWS_SNS: 0.2014 },
  IN: { TWILIO: 0.0832, AWS_SNS: 0.0028 },
  BD: { TWILIO: 0.3117, AWS_SNS: 0.2886 },
  LK: { TWILIO: 0.2419, AWS_SNS: 0.2241 },
  UZ: { TWILIO: 0.2497, AWS_SNS: 0.2213 },
  TJ: { TWILIO: 0.3602, AWS_SNS: 0.3335 },
  KG: { TWILIO: 0.2528, AWS_SNS: 0.234 },
  KZ: { TWILIO: 0.2814, AWS_SNS: 0.2606 },
  AZ: { TWILIO: 0.3116, AWS_SNS: 0.2885 },
  // East and South-East Asia
  MM: { TWILIO: 0.2185, AWS_SNS: 0.2023 },
  ID: { TWILIO: 0.4108, AWS_SNS: 0.3804 },
  PH: { TWILIO: 0.2087, AWS_SNS: 0.1932 },
  VN: { TWILIO: 0.0863, AWS_SNS: 0.0799 },
  TH: { TWILIO: 0.0398, AWS_SNS: 0.0368 },
  LA: { TWILIO: 0.1544, AWS_SNS: 0.143 },
  // Sub-Saharan Africa
  SO: { TWILIO: 0.2157, AWS_SNS: 0.1997 },
  ET: { TWILIO: 0.2109, AWS_SNS: 0.1953 },
  ER: { TWILIO: 0.1071, AWS_SNS: 0.0992 },
  SD: { TWILIO: 0.2175, AWS_SNS: 0.2014 },
  SS: { TWILIO: 0.3058, AWS_SNS: 0.2831 },
  KE: { TWILIO: 0.1653, AWS_SNS: 0.1531 },
  UG: { TWILIO: 0.2014, AWS_SNS: 0.1865 },
  TZ: { TWILIO: 0.2347, AWS_SNS: 0.2173 },
  CD: { TWILIO: 0.3024, AWS_SNS: 0.28 },
  NG: { TWILIO: 0.3069, AWS_SNS: 0.2842 },
  GH: { TWILIO: 0.2232, AWS_SNS: 0.2067 },
  GN: { TWILIO: 0.3421, AWS_SNS: 0.3168 },
  // Latin America
  MX: { TWILIO: 0.0396, AWS_SNS: 0.0367 },
  BR: { TWILIO: 0.055, AWS_SNS: 0.0509 },
  CO: { TWILIO: 0.0518, AWS_SNS: 0.048 },
  VE: { TWILIO: 0.0748, AWS_SNS: 0.0693 },
  HT: { TWILIO: 0.2254, AWS_SNS: 0.2087 },
};

// AWS End User Messaging sends SMS at the same list prices as SNS (SNS SMS is built on it).
for (const prices of Object.values(DEFAULT_PRICE_TABLE)) {
  if (prices.AWS_SNS !== undefined) prices.AWS_EUM = prices.AWS_SNS;
}
