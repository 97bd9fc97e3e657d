/**
 * antd names each of its icons by the icon's file (`aria-label="close-circle"`), in English
 * whatever the page's language. An icon beside words is decoration: hidden from assistive
 * technology so a button reads "搜索", not "search 搜索". An icon that stands alone gets its
 * meaning in the page's language (`<html lang>`), and again when the language changes.
 */
import iconWords from './iconWords.json';

/** Each icon's name in the page's two languages: `"icon file": ["中文", "English"]`. */
const words: Record<string, string[] | undefined> = iconWords;

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
  const said = words[name]?.[lang === 'zh' ? 0 : 1];
  if (said) icon.setAttribute('aria-label', said);
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
