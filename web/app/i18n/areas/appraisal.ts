// Interface text of the appraisal pages, Chinese first; English typed by it.
export const zh = {};

export const en: typeof zh = {};
