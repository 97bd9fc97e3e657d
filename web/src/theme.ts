import type { ThemeConfig } from 'antd';

/** A sober government look: deep blue, high-contrast text. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0f4c92',
    colorLink: '#0b4a8f',
    colorText: '#1f2329',
    colorTextSecondary: '#4e5661',
    // antd's default muted greys (45% black) fail WCAG AA contrast: muted text stays ≥ 4.5:1.
    colorTextDescription: '#4e5661',
    colorTextTertiary: '#4e5661',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f3f78', headerHeight: 60, headerPadding: '0 24px', footerBg: '#f2f4f7' },
  },
};
