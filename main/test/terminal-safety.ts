/** What tests of printed output look for: anything a terminal would act on or reorder, printed raw. */
export const UNSAFE_FOR_TERMINAL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/; // eslint-disable-line no-control-regex -- finding control characters is the point
