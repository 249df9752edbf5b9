/**
 * Whether decoded text is an HTML page rather than article text, and why. Such a file is
 * refused, not stripped: the menus, footers and scripts of a page would add false mentions.
 */
export function htmlReason(text: string): string | undefined {
  const head = text.slice(0, 4096);
  const start = /^[\uFEFF\s]*<(!doctype\s+html|html|\?xml)\b/iu.exec(head);
  if (start?.[1]) return `starts with <${start[1].replace(/\s+/gu, ' ')}`;
  const page = /<(html|head|body)[\s>]/iu.exec(head);
  if (page?.[1]) return `has a <${page[1].toLowerCase()}> tag`;
  // many markup tags in the first 64 KB (bounded attribute length keeps the scan linear)
  const tags = text
    .slice(0, 65536)
    .match(
      /<\/?(?:p|div|span|a|br|hr|img|script|style|meta|link|h[1-6]|ul|ol|li|table|tr|td|th|strong|em|b|i|section|article|header|footer|nav|figure|iframe)\b[^<>]{0,1000}>/giu,
    );
  if (tags && tags.length >= 10) return `has ${tags.length} HTML tags`;
  return undefined;
}
