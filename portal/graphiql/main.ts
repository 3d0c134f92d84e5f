import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './accessible.css';
import { useMonaco } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createElement, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

// GraphiQL for front-end developers at GET /graphql, built from the npm package into the portal's
// dist: no CDN. The schema comes as SDL from the gateway (descriptions included), so the docs work
// even where introspection is off (NODE_ENV=production).

const defaultQuery = `# The region's companies: filters, facets and the reasons of each hit.
# Writes need a token: add {"authorization": "Bearer …"} under Headers (npm run token).
{
  members(first: 5, filter: { text: "Fräs", near: { postalCode: "37269", radiusKm: 40 } }) {
    totalCount
    facets { networks { label count } processMainGroups { label count } }
    edges { distanceKm matched { text processes } node { id name city network { code } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { ...(options?.headers as Record<string, string> | undefined), 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

/*
 * GraphiQL's dark editor theme (graphiql-DARK: Monaco's vs-dark on GraphiQL's #212a3b, @graphiql/react 0.39.1
 * constants.ts) with the two colours that miss WCAG AA's 4.5:1 there raised in the same hue: comments
 * #608b4e (3.63:1) to #7fae6a (5.60:1), line numbers #858585 (3.90:1) to #9a9a9a (5.12:1). Monaco colours
 * tokens with generated classes (.mtk8) whose numbers depend on the theme, so a stylesheet cannot name
 * comments; a theme can. GraphiQL's light editor theme passes as it is.
 */
const darkEditorTheme = 'irm-graphiql-dark';
const editorTheme = { dark: darkEditorTheme, light: 'graphiql-LIGHT' };
const dark = { background: '#212a3b', primary: '#ff5794', primaryBackground: '#ff579419', secondary: '#b7c2d711' };

const darkEditorThemeData = {
  base: 'vs-dark' as const,
  inherit: true,
  colors: {
    // GraphiQL's own: the editor on its panel's colour, widgets and highlights in its pink.
    'editor.background': '#ffffff00',
    'scrollbar.shadow': '#ffffff00',
    'textLink.foreground': dark.primary,
    'textLink.activeForeground': dark.primary,
    'editorLink.activeForeground': dark.primary,
    'editorHoverWidget.background': dark.background,
    'editorWidget.background': dark.background,
    'editorSuggestWidget.background': dark.background,
    'editorSuggestWidget.selectedBackground': dark.primaryBackground,
    'editorSuggestWidget.selectedForeground': dark.primary,
    'menu.background': dark.background,
    'menu.selectionBackground': dark.primaryBackground,
    'menu.selectionForeground': dark.primary,
    'quickInput.background': dark.background,
    'quickInputList.focusForeground': '#ffffff',
    'quickInputList.focusBackground': dark.primaryBackground,
    'list.hoverBackground': dark.primaryBackground,
    'list.highlightForeground': dark.primary,
    'list.focusHighlightForeground': dark.primary,
    'input.background': dark.secondary,
    focusBorder: dark.primary,
    'toolbar.hoverBackground': dark.primaryBackground,
    'inputOption.hoverBackground': dark.primaryBackground,
    'editorWidget.resizeBorder': dark.primary,
    'pickerGroup.foreground': dark.primary,
    // Ours: readable line numbers.
    'editorLineNumber.foreground': '#9a9a9a',
  },
  rules: [
    { token: 'argument.identifier.gql', foreground: '#908aff' },
    { token: 'comment', foreground: '#7fae6a' },
  ],
};

/** GraphiQL with the dark editor theme above, defined as soon as GraphiQL has loaded Monaco. */
function Explorer({ schema }: { schema: ReturnType<typeof buildSchema> }) {
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return;
    monaco.editor.defineTheme(darkEditorTheme, darkEditorThemeData);
    // GraphiQL's editors may have been made (a child's effects run first) while the theme was still unknown,
    // which Monaco draws in its light theme; Monaco has one theme for all editors, so set it once more.
    const { classList } = document.body;
    const darkNow = classList.contains('graphiql-dark') || (!classList.contains('graphiql-light') && matchMedia('(prefers-color-scheme: dark)').matches);
    if (darkNow) monaco.editor.setTheme(darkEditorTheme);
  }, [monaco]);
  return createElement(GraphiQL, { fetcher, schema, defaultQuery, editorTheme });
}

const sdl = await (await fetch('/graphql/schema.graphql')).text();
createRoot(document.getElementById('graphiql')!).render(createElement(Explorer, { schema: buildSchema(sdl) }));
