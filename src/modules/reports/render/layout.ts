/**
 * GB/T 9704-2012 (党政机关公文格式) in numbers, shared by the .docx and .pdf renderers: A4, margins
 * 37/35/28/26 mm (top/bottom/left/right), a text block of 22 lines × 28 characters, 三号 (16 pt)
 * body, 2号 title, 4号 page numbers. Fonts are the names offices have; the PDF falls back to the
 * Debian CJK fonts (Noto Serif/Sans CJK SC) when they are not installed.
 */
export const mm = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
export const linesPerPage = 22;
export const charsPerLine = 28;

/** Points: 三号 16, 2号 22, 4号 14, 小四 12 (tables). */
export const pt = { body: 16, title: 22, pageNumber: 14, table: 12 } as const;

export const fonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** CSS font stacks of the PDF: the office font first, then what Debian has. */
export const cssFonts = {
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", serif`,
  body: `"仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif`,
  heading1: `"黑体", "SimHei", "Noto Sans CJK SC", sans-serif`,
  heading2: `"楷体_GB2312", "楷体", "KaiTi", "Noto Serif CJK SC", serif`,
  pageNumber: `"宋体", "SimSun", "Noto Serif CJK SC", serif`,
} as const;

/** 1 mm in twentieths of a point (twips). */
export const twipsPerMm = 1440 / 25.4;
export const twips = (millimetres: number) => Math.round(millimetres * twipsPerMm);

/** The text block divided by the grid: 22 lines of 28 characters. */
export const linePitchTwips = Math.floor(twips(mm.height - mm.top - mm.bottom) / linesPerPage);
export const charPitchPt = ((mm.width - mm.left - mm.right) * (72 / 25.4)) / charsPerLine;
