// The coded answers of an opinion item. Codes are stored; labels come from the locale files
// (reports.direction.approve...). Shared by forms, server validation, views and exports.
export const DIRECTIONS = ["approve", "oppose", "worried", "unclear"] as const;
export const STRENGTHS = ["strong", "moderate", "weak"] as const;
export const PREVALENCES = ["overwhelming", "majority", "many", "some"] as const;
export const CHANNELS = ["direct", "meeting", "social_media", "press", "other"] as const;
export const QUALITIES = ["useful", "adequate", "insufficient"] as const;
export const REPORT_STATUSES = ["submitted", "returned", "accepted"] as const;
export const OUTCOMES = ["on_time", "late", "missing"] as const;

export type Direction = (typeof DIRECTIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];

export const MAX_ITEMS = 30;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 4000;
export const PROPOSAL_MAX = 2000;
export const NOTE_MAX = 2000;

/** The free-text fields the personal-data guard reads, per item. */
export const GUARDED_ITEM_FIELDS = ["title", "summary", "proposal"] as const;
