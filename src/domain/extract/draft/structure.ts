/**
 * The outline of a policy document: its title, the review areas of the part that looks back,
 * the goal areas of the part that sets goals, and the programmes (numbered items) with their
 * actions (bullets) of the part that lists measures. Every node keeps its character span.
 */

/** A node of the outline with its span in the text (end exclusive). */
export interface OutlineNode {
  name: string;
  start: number;
  end: number;
}

/** A programme and the actions (sub-items) under it. */
export interface OutlineProgramme extends OutlineNode {
  number: number;
  actions: OutlineNode[];
}

/** The document outline. `end` of an area is where its body ends (the next area or section). */
export interface Outline {
  title: OutlineNode | null;
  reviewAreas: OutlineNode[];
  goalAreas: OutlineNode[];
  programmes: OutlineProgramme[];
}

type Mode = 'none' | 'review' | 'goals' | 'measures';

const REVIEW_HEAD = /回顾|过去|成绩|总结|执行情况|完成情况|一年来|五年来/;
const GOALS_HEAD = /目标/;
const MEASURES_HEAD = /举措|任务|安排|重点工作|部署|措施/;
const CN_DIGITS = '一二三四五六七八九十';
// "1 …", "1. …", "1、…", "（一）…", "(1) …", "一、…": numbered items. The Chinese "一、" form is a
// top-level section number in government documents, so it is told apart.
const NUMBERED_RE = /^(?:(\d{1,3})(?:[.、．)）]|\s)|[（(]([一二三四五六七八九十]{1,3}|\d{1,3})[）)])\s*/;
const TOP_NUMBER_RE = /^[一二三四五六七八九十]{1,3}、\s*/;
const BULLET_RE = /^(?:[-•·●▶◆■□★☆*+]|\d{1,2}[)）])\s+/;
const HEADING_RE = /^#{1,6}\s+/;

function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const [a = '', b = ''] = s.split('十');
  if (!s.includes('十')) return CN_DIGITS.indexOf(s) + 1;
  return (a === '' ? 1 : CN_DIGITS.indexOf(a) + 1) * 10 + (b === '' ? 0 : CN_DIGITS.indexOf(b) + 1);
}

/** The text an item is known by: markers and emphasis removed, cut at the first full stop. */
function itemName(s: string): string {
  const plain = s.replace(/\*\*/g, '').trim();
  const stop = plain.search(/[。；;]/);
  const cut = stop > 0 ? plain.slice(0, stop) : plain;
  return cut.length > 80 ? cut.slice(0, 80) : cut;
}

function modeOf(line: string): Mode | null {
  if (GOALS_HEAD.test(line)) return 'goals';
  if (MEASURES_HEAD.test(line)) return 'measures';
  if (REVIEW_HEAD.test(line)) return 'review';
  return null;
}

/** Reads the outline of a document in one pass over its lines. */
export function outlineOf(text: string): Outline {
  const out: Outline = { title: null, reviewAreas: [], goalAreas: [], programmes: [] };
  let mode: Mode = 'none';
  let area: OutlineNode | null = null;
  let areaHasBody = false;
  let programme: OutlineProgramme | null = null;
  const closeArea = (at: number): void => {
    if (area) area.end = at;
    area = null;
    areaHasBody = false;
  };
  const closeProgramme = (at: number): void => {
    if (programme) programme.end = at;
    programme = null;
  };
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const raw = text.slice(pos, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const start = pos + lead;
    const end = start + raw.trim().length;
    const line = raw.trim().replace(/\*\*/g, '');
    pos = lineEnd + 1;
    if (line === '') continue;
    if (out.title === null) {
      // A first line that is a sentence (ends in 。 or runs long) is text, not a title.
      const first = line.replace(HEADING_RE, '');
      if (first.length <= 60 && !/[。；;，,]/.test(first)) {
        out.title = { name: itemName(first), start, end };
        continue;
      }
      out.title = { name: '', start, end: start };
    }
    const isMarkdownHeading = HEADING_RE.test(line);
    const body = line.replace(HEADING_RE, '');
    const numbered = NUMBERED_RE.exec(body);
    const bullet = BULLET_RE.exec(body);
    // Lines ending in a colon introduce a list ("围绕上述目标，重点抓好以下工作："): not headings.
    const short = body.length <= 30 && !/[。；;:：]$/.test(body);
    // A section heading changes what the items under it mean.
    const sectionHead =
      (isMarkdownHeading || TOP_NUMBER_RE.test(body) || (short && !numbered && !bullet)) && modeOf(body);
    if (sectionHead) {
      closeArea(start);
      closeProgramme(start);
      mode = sectionHead;
      continue;
    }
    const name = itemName(body.replace(TOP_NUMBER_RE, '').replace(NUMBERED_RE, '').replace(BULLET_RE, ''));
    switch (mode) {
      case 'none':
        break;
      case 'review':
        if ((numbered || short) && !bullet) {
          closeArea(start);
          area = { name, start, end };
          out.reviewAreas.push(area);
        }
        break;
      case 'goals': {
        // A short line names a goal area; so does the lead clause of a paragraph that starts a
        // new one ("经济实力显著提升，地区生产总值…") when the current area already has its text.
        const leadClause = /^([^，,：:。；\d]{2,16})[，,：:]/.exec(name);
        if ((short || numbered) && !bullet) {
          closeArea(start);
          area = { name, start, end };
          out.goalAreas.push(area);
        } else if (leadClause?.[1] && (area === null || areaHasBody)) {
          closeArea(start);
          area = { name: leadClause[1], start, end: start + leadClause[1].length };
          out.goalAreas.push(area);
          areaHasBody = true;
        } else {
          areaHasBody = true;
        }
        break;
      }
      case 'measures':
        if (numbered && !bullet) {
          closeProgramme(start);
          const n = chineseNumber(numbered[1] ?? numbered[2] ?? '');
          programme = { name, number: n, start, end, actions: [] };
          out.programmes.push(programme);
        } else if (programme && (bullet || short)) {
          programme.actions.push({ name, start, end });
        }
        break;
      default: {
        const never: never = mode;
        return never;
      }
    }
  }
  closeArea(text.length);
  closeProgramme(text.length);
  return out;
}
