// A build-time plugin that collapses whitespace inside Lit `css` and `html` tagged templates.
// Rolldown's minifier leaves template literal text alone, so indentation would otherwise ship.
// Uses the TypeScript parser (already a dev dependency) to find the templates exactly.
import ts from 'typescript';

/** CSS: drop comments, collapse whitespace, trim it around braces, semicolons, commas and `>` (no `+`: calc()). */
export function minifyCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // "prop: value" → "prop:value"; a colon followed by a space never occurs inside a selector.
      .replace(/:\s+/g, ':')
      .replace(/\s+!important/g, '!important')
      .replace(/;}/g, '}')
      .trim()
  );
}

/** HTML: any whitespace run that contains a line break becomes one space (renders the same). */
export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function minifyLitTemplates() {
  return {
    name: 'policy:minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html)`/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const edits = [];
      const visit = (node) => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          ['css', 'html'].includes(node.tag.text)
        ) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const template = node.template;
          const pieces = ts.isNoSubstitutionTemplateLiteral(template)
            ? [[template.getStart() + 1, template.end - 1]]
            : [
                [template.head.getStart() + 1, template.head.end - 2],
                ...template.templateSpans.map((span) => {
                  const literal = span.literal;
                  return [literal.getStart() + 1, literal.end - (ts.isTemplateTail(literal) ? 1 : 2)];
                }),
              ];
          for (const [start, end] of pieces) edits.push([start, end, minify(code.slice(start, end))]);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (edits.length === 0) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
        out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
