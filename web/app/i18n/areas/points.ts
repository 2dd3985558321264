// Interface text of the points pages, Chinese first; English typed by it.
export const zh = {};

export const en: typeof zh = {};
