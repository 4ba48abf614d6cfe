// End-to-end check of the generated TypeScript: ts-server routes behind node:http, called by the
// generated ts-client. Run by OracleTests/TSAPIOracleTests.swift after tsc compiled the
// generated code into ./out. Prints "ok <check>" per passed check; exits non-zero on failure.
import assert from "node:assert/strict";
import http from "node:http";
import { NamedEvent, createItemServiceRoutes } from "./out/server/e2e/v1/e2e_server.js";
import { ItemServiceClient } from "./out/client/e2e/v1/e2e_client.js";
import { ApiError, StreamError, ValidationError } from "./out/client/errors.js";

setTimeout(() => {
  console.error("timeout: the end-to-end run hung");
  process.exit(2);
}, 60000).unref();

class NotFound extends Error {}

const items = new Map();
let nextId = 1;
let cancelled = [];
let socketsClosed = 0;
let cancelWaiters = [];

function onCancel(id) {
  cancelled.push(id);
  for (const w of cancelWaiters) w();
  cancelWaiters = [];
}

function waitFor(cond, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (cond()) return resolve();
      if (Date.now() - started > 10000) return reject(new Error(`never happened: ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const handler = {
  async getItem(ctx, req) {
    const item = items.get(req.id);
    if (!item) throw new NotFound(`item ${req.id} not found`);
    return item;
  },
  async createItem(ctx, req) {
    const item = { id: `i${nextId++}`, name: req.name, version: "1", tags: req.tags ?? [] };
    items.set(item.id, item);
    return item;
  },
  async updateItem(ctx, req) {
    const item = items.get(req.id);
    if (!item) throw new NotFound(`item ${req.id} not found`);
    const updated = { ...item, name: req.name, version: String(Number(item.version) + 1) };
    items.set(req.id, updated);
    return updated;
  },
  async deleteItem(ctx, req) {
    return { deleted: items.delete(req.id), id: req.id };
  },
  async searchItems(ctx, req) {
    return { ids: [...items.keys()], echo: JSON.stringify(req) };
  },
  watchItem(ctx, req) {
    if (req.id === "missing") throw new NotFound("item missing not found");
    let seq = 0;
    return new ReadableStream(
      {
        async pull(controller) {
          if (req.failAfter >= 0 && seq >= req.failAfter) {
            controller.error(new Error(`tick ${seq} failed`));
            return;
          }
          if (req.count > 0 && seq >= req.count) {
            controller.close();
            return;
          }
          seq++;
          if (req.count === 0) await new Promise((r) => setTimeout(r, 5));
          const tick = { id: req.id, seq, note: `line one\nline two ${seq}` };
          controller.enqueue(seq % 2 === 0 ? new NamedEvent("tick", tick) : tick);
        },
        cancel() {
          onCancel(req.id);
        },
      },
      { highWaterMark: 0 },
    );
  },
};

const routes = createItemServiceRoutes(handler, {
  validateRequest: (method, body) =>
    method === "CreateItem" && !body.name ? [{ field: "name", description: "name is required" }] : undefined,
  onError: (err) =>
    new Response(JSON.stringify({ message: err.message }), {
      status: err instanceof NotFound ? 404 : 500,
      headers: { "Content-Type": "application/json" },
    }),
});

function matches(template, pathname) {
  const pattern = "^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$";
  return new RegExp(pattern).test(pathname);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const route = routes.find((r) => r.method === req.method && matches(r.path, url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "DELETE" ? undefined : Buffer.concat(chunks),
  });
  const response = await route.handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let gone = false;
  res.on("close", () => {
    if (res.writableFinished) return;
    gone = true;
    socketsClosed++;
    reader.cancel(new Error("client disconnected")).catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch (err) {
    if (!gone) res.destroy(err);
  }
});

await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;
const client = new ItemServiceClient(base, { apiKey: "secret" });

async function check(name, body) {
  await body();
  console.log(`ok ${name}`);
}

async function collect(gen) {
  const out = [];
  for await (const e of gen) out.push(e);
  return out;
}

await check("unary POST", async () => {
  const created = await client.createItem({ name: "lamp", tags: ["a", "b"] });
  assert.deepEqual(created, { id: "i1", name: "lamp", version: "1", tags: ["a", "b"] });
});

await check("unary GET", async () => {
  assert.deepEqual(await client.getItem({ id: "i1" }), { id: "i1", name: "lamp", version: "1", tags: ["a", "b"] });
});

await check("unary PUT", async () => {
  const updated = await client.updateItem({ id: "i1", name: "desk lamp" });
  assert.equal(updated.name, "desk lamp");
  assert.equal(updated.version, "2");
});

await check("unary DELETE", async () => {
  assert.deepEqual(await client.deleteItem({ id: "i1" }), { deleted: true, id: "i1" });
  assert.deepEqual(await client.deleteItem({ id: "i1" }), { deleted: false, id: "i1" });
});

await check("query parameters", async () => {
  const res = await client.searchItems({ q: "lamp & desk", tag: ["x", "y z"], limit: 7, exact: true, minVersion: "9007199254740993" });
  assert.deepEqual(JSON.parse(res.echo), { q: "lamp & desk", tag: ["x", "y z"], limit: 7, exact: true, minVersion: "9007199254740993" });
  const defaults = await client.searchItems({ q: "z", tag: [], limit: 0, exact: false, minVersion: "0" });
  assert.deepEqual(JSON.parse(defaults.echo), { q: "z", tag: [], limit: 0, exact: false, minVersion: "0" });
});

await check("errors: 404 via onError, missing header, missing query, validateRequest, bad JSON", async () => {
  await assert.rejects(client.createItem({ name: "", tags: [] }), (e) => e instanceof ValidationError && e.violations[0].field === "name" && e.violations[0].description === "name is required");
  const raw = await fetch(base + "api/items", { method: "POST", headers: { "X-API-Key": "k", "Content-Type": "application/json" }, body: "{not json" });
  assert.equal(raw.status, 400);
  assert.equal((await raw.json()).violations[0].field, "body");
  await assert.rejects(client.searchItems({ q: "x", tag: [], limit: 0, exact: false, minVersion: "0" }, { headers: {} }).then(() => fetch(base + "api/search?q=x&limit=abc", { headers: { "X-API-Key": "k" } })).then(async (r) => {
    assert.equal(r.status, 400);
    throw new ValidationError((await r.json()).violations);
  }), (e) => e instanceof ValidationError && e.violations[0].description === "invalid value for query parameter limit: 'abc' is not an integer");
  await assert.rejects(client.getItem({ id: "nope" }), (e) => e instanceof ApiError && e.statusCode === 404 && JSON.parse(e.body).message === "item nope not found");
  const anonymous = new ItemServiceClient(base);
  await assert.rejects(anonymous.getItem({ id: "x" }), (e) => e instanceof ValidationError && e.violations[0].field === "X-API-Key" && e.violations[0].description === "required header 'X-API-Key' is missing");
  await assert.rejects(client.searchItems({ q: "", tag: [], limit: 0, exact: false, minVersion: "0" }), (e) => e instanceof ValidationError && e.violations[0].description === "missing required query parameter: q");
});

await check("SSE delivers N events", async () => {
  const ticks = await collect(client.watchItem({ id: "w1", count: 5, failAfter: -1 }));
  assert.deepEqual(ticks.map((t) => t.seq), [1, 2, 3, 4, 5]);
  assert.equal(ticks[4].note, "line one\nline two 5");
});

await check("SSE wire format: data frames, named events, multi-line JSON escaped", async () => {
  const resp = await fetch(base + "api/items/w0/ticks?count=2&fail_after=-1", { headers: { "X-API-Key": "k" } });
  assert.equal(resp.headers.get("content-type"), "text/event-stream");
  assert.equal(
    await resp.text(),
    'data: {"id":"w0","seq":1,"note":"line one\\nline two 1"}\n\n' +
      'event: tick\ndata: {"id":"w0","seq":2,"note":"line one\\nline two 2"}\n\n',
  );
});

await check("SSE early break closes the socket and cancels the handler stream", async () => {
  const before = socketsClosed;
  const got = [];
  for await (const t of client.watchItem({ id: "w2", count: 0, failAfter: -1 })) {
    got.push(t.seq);
    if (got.length === 3) break;
  }
  assert.deepEqual(got, [1, 2, 3]);
  await waitFor(() => cancelled.includes("w2"), "handler stream w2 cancelled");
  await waitFor(() => socketsClosed > before, "server saw the connection close");
});

await check("SSE return() on the generator also cancels", async () => {
  const gen = client.watchItem({ id: "w3", count: 0, failAfter: -1 });
  assert.equal((await gen.next()).value.seq, 1);
  await gen.return(undefined);
  await waitFor(() => cancelled.includes("w3"), "handler stream w3 cancelled");
});

await check("SSE AbortSignal aborts the stream", async () => {
  const abort = new AbortController();
  const gen = client.watchItem({ id: "w4", count: 0, failAfter: -1 }, { signal: abort.signal });
  assert.equal((await gen.next()).value.seq, 1);
  abort.abort();
  await assert.rejects(gen.next(), (e) => e.name === "AbortError");
  await waitFor(() => cancelled.includes("w4"), "handler stream w4 cancelled");
});

await check("SSE error before the first event is an HTTP error", async () => {
  await assert.rejects(collect(client.watchItem({ id: "w5", count: 3, failAfter: 0 })), (e) => e instanceof ApiError && e.statusCode === 500 && JSON.parse(e.body).message === "tick 0 failed");
  await assert.rejects(collect(client.watchItem({ id: "missing", count: 3, failAfter: -1 })), (e) => e instanceof ApiError && e.statusCode === 404);
});

await check("SSE error after the first event is an event: error frame", async () => {
  const got = [];
  await assert.rejects(
    (async () => {
      for await (const t of client.watchItem({ id: "w6", count: 0, failAfter: 2 })) got.push(t.seq);
    })(),
    (e) => e instanceof StreamError && e.message === "tick 2 failed" && JSON.parse(e.data).message === "tick 2 failed",
  );
  assert.deepEqual(got, [1, 2]);
});

// The parser against hand-made streams: chunk splits everywhere, CRLF split across chunks,
// comments, multi-line data, named events, a UTF-8 character split across chunks, and a last
// event without its blank line. Early stop must cancel the body and abort the request.
function fakeFetch(chunks, record) {
  return async (_url, init) => {
    record.signal = init.signal;
    const encoded = chunks.map((c) => (typeof c === "string" ? new TextEncoder().encode(c) : c));
    let i = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (i < encoded.length) controller.enqueue(encoded[i++]);
        else controller.close();
      },
      cancel() {
        record.cancelled = true;
      },
    }, { highWaterMark: 0 });
    return new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
  };
}

await check("SSE parser edge cases", async () => {
  const euro = new TextEncoder().encode('data: {"id":"€","seq":4,"note":""}\n\n');
  const record = {};
  const parsed = await collect(new ItemServiceClient("http://x", {
    fetch: fakeFetch([
      'data: {"id":"a","seq":1,"note":"x"}\r', "\n\r\n",
      ": a comment\n", "event: tick\n", 'data: {"id":"a",\n', 'data: "seq":2,', '"note":"y"}\n\n',
      "retry: 10\nid: 7\n", 'data: {"id":"b","seq":3,"note":"z"}\r\r',
      euro.slice(0, 10), euro.slice(10),
      'data: {"id":"c","seq":5,"note":"last"}',
    ], record),
  }).watchItem({ id: "p", count: 0, failAfter: -1 }));
  assert.deepEqual(parsed.map((t) => [t.id, t.seq]), [["a", 1], ["a", 2], ["b", 3], ["€", 4], ["c", 5]]);
});

await check("SSE parser: event: error frame and early stop", async () => {
  const errRecord = {};
  await assert.rejects(
    collect(new ItemServiceClient("http://x", { fetch: fakeFetch(['data: {"id":"a","seq":1,"note":""}\n\n', 'event: error\ndata: {"message":"boom"}\n\n'], errRecord) }).watchItem({ id: "p", count: 0, failAfter: -1 })),
    (e) => e instanceof StreamError && e.message === "boom",
  );
  const record = {};
  const gen = new ItemServiceClient("http://x", { fetch: fakeFetch(['data: {"id":"a","seq":1,"note":""}\n\n', 'data: {"id":"a","seq":2,"note":""}\n\n'], record) }).watchItem({ id: "p", count: 0, failAfter: -1 });
  assert.equal((await gen.next()).value.seq, 1);
  await gen.return(undefined);
  assert.equal(record.cancelled, true, "reader cancelled");
  assert.equal(record.signal.aborted, true, "fetch aborted");
});

await check("SSE abort with a fetch that ignores signals", async () => {
  const record = {};
  const abort = new AbortController();
  const deaf = async () =>
    new Response(
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('data: {"id":"a","seq":1,"note":""}\n\n'));
        },
        cancel() {
          record.cancelled = true;
        },
      }),
      { status: 200 },
    );
  const gen = new ItemServiceClient("http://x", { fetch: deaf }).watchItem({ id: "p", count: 0, failAfter: -1 }, { signal: abort.signal });
  assert.equal((await gen.next()).value.seq, 1);
  const pending = gen.next();
  abort.abort();
  await assert.rejects(pending, (e) => e.name === "AbortError");
  assert.equal(record.cancelled, true, "body cancelled on abort");
});

server.closeAllConnections();
server.close();
console.log("E2E OK");
process.exit(0);
