/**
 * antd names each of its icons by the icon's file (`aria-label="close-circle"`), in English
 * whatever the page's language. An icon beside words is decoration: hidden from assistive
 * technology so a button reads "搜索", not "search 搜索". An icon that stands alone gets its
 * meaning in the page's language (`<html lang>`), and again when the language changes.
 */
const words: Record<string, { zh: string; en: string }> = {
  close: { zh: '关闭', en: 'Close' },
  'close-circle': { zh: '清除', en: 'Clear' },
  search: { zh: '搜索', en: 'Search' },
  down: { zh: '展开', en: 'Expand' },
  up: { zh: '收起', en: 'Collapse' },
  left: { zh: '上一页', en: 'Previous' },
  right: { zh: '下一页', en: 'Next' },
  'double-left': { zh: '向前', en: 'Back' },
  'double-right': { zh: '向后', en: 'Forward' },
  calendar: { zh: '日历', en: 'Calendar' },
  'clock-circle': { zh: '时间', en: 'Time' },
  'swap-right': { zh: '至', en: 'to' },
  filter: { zh: '筛选', en: 'Filter' },
  'caret-up': { zh: '升序', en: 'Ascending' },
  'caret-down': { zh: '降序', en: 'Descending' },
  check: { zh: '已选', en: 'Selected' },
  'check-circle': { zh: '成功', en: 'Success' },
  'info-circle': { zh: '提示', en: 'Information' },
  'exclamation-circle': { zh: '警告', en: 'Warning' },
  'question-circle': { zh: '帮助', en: 'Help' },
  loading: { zh: '加载中', en: 'Loading' },
  ellipsis: { zh: '更多', en: 'More' },
  delete: { zh: '删除', en: 'Delete' },
  edit: { zh: '编辑', en: 'Edit' },
  copy: { zh: '复制', en: 'Copy' },
  plus: { zh: '添加', en: 'Add' },
  minus: { zh: '减少', en: 'Remove' },
  'paper-clip': { zh: '附件', en: 'Attachment' },
  eye: { zh: '显示', en: 'Show' },
  'eye-invisible': { zh: '隐藏', en: 'Hide' },
  inbox: { zh: '上传', en: 'Upload' },
  upload: { zh: '上传', en: 'Upload' },
  file: { zh: '文件', en: 'File' },
  menu: { zh: '菜单', en: 'Menu' },
  bars: { zh: '菜单', en: 'Menu' },
  holder: { zh: '拖动', en: 'Drag' },
  warning: { zh: '警告', en: 'Warning' },
};

const iconSelector = '.anticon[role="img"]';
/** The file name antd gave the icon, kept before the first relabel. */
const original = 'data-sx-icon';

function relabel(icon: Element, lang: 'zh' | 'en'): void {
  const name = icon.getAttribute(original) ?? icon.getAttribute('aria-label') ?? '';
  icon.setAttribute(original, name);
  const holder = icon.parentElement?.closest('button, a, [role]') ?? icon.parentElement;
  if ((holder?.textContent ?? '').trim() !== '' || holder?.hasAttribute('aria-label')) {
    icon.setAttribute('aria-hidden', 'true');
    return;
  }
  const said = words[name];
  if (said) icon.setAttribute('aria-label', said[lang]);
}

function pageLang(): 'zh' | 'en' {
  return document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
}

function relabelWithin(root: ParentNode): void {
  const lang = pageLang();
  if (root instanceof Element && root.matches(iconSelector)) relabel(root, lang);
  root.querySelectorAll(iconSelector).forEach((icon) => relabel(icon, lang));
}

/** Watches the page for antd icons (and `<html lang>` for a change of language). */
export function nameIconsInPageLanguage(): void {
  relabelWithin(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') relabelWithin(document);
      else change.addedNodes.forEach((n) => n instanceof Element && relabelWithin(n));
    }
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['lang'],
  });
}
