/** The longest internal comment, in characters (the API answers 400 naming `body` beyond it; the form stops there). */
export const MAX_COMMENT_CHARS = 4000;
