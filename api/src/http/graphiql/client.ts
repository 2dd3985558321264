/// <reference lib="dom" />
// Browser entry of the GraphiQL page, bundled by build.ts. The page (page.ts) passes the
// endpoint, the worker URLs and the editor defaults in a JSON block, because the
// Content-Security-Policy allows no inline script.
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

export interface GraphiqlConfig {
  endpoint: string;
  workers: { editor: string; json: string; graphql: string };
  defaultQuery: string;
  defaultHeaders: string;
}

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const configEl = document.getElementById('graphiql-config');
if (!configEl?.textContent) throw new Error('the GraphiQL page has no #graphiql-config block');
const config = JSON.parse(configEl.textContent) as GraphiqlConfig;

// Monaco asks for a worker per language when an editor first needs one (after render).
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    const url = label === 'json' ? config.workers.json : label === 'graphql' ? config.workers.graphql : config.workers.editor;
    return new Worker(url, { type: 'module', name: label });
  },
};

const fetcher: Fetcher = async (params, opts) => {
  const res = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(opts?.headers as Record<string, string> | undefined) },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return res.json();
};

const root = document.getElementById('graphiql');
if (!root) throw new Error('the GraphiQL page has no #graphiql element');
const props: ComponentProps<typeof GraphiQL> = {
  fetcher,
  defaultQuery: config.defaultQuery,
  defaultHeaders: config.defaultHeaders,
  defaultEditorToolsVisibility: 'headers',
  isHeadersEditorEnabled: true,
  // Tokens in localStorage would outlive the tab; the user opts in from the settings dialog.
  shouldPersistHeaders: false,
};
createRoot(root).render(createElement(GraphiQL, props, createElement(GraphiQL.Logo, null, '链建 Lianjian GraphiQL')));
