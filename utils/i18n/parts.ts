/**
 * A translated sentence split on its `{name}` placeholders, each replaced by the part given for it (an element: a link,
 * bold words), so the parts sit where the language puts them. Unknown placeholders stay as written.
 */
export function fillParts<T>(text: string, parts: Record<string, T>): (string | T)[] {
  return text
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1];
      return name !== undefined && Object.hasOwn(parts, name) ? (parts[name] as T) : piece;
    });
}
