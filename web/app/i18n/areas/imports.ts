// Interface text of the imports pages, Chinese first; English typed by it.
export const zh = {};

export const en: typeof zh = {};
