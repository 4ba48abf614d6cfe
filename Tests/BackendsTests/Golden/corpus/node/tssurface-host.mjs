// Serves the routes of the compiled tssurface-app over node:http and runs its client checks
// against that real server. Prints "ok <check>" per check; exits non-zero on failure.
import http from "node:http";
import { routes, runClient } from "./out/app.js";

setTimeout(() => {
  console.error("timeout: the run hung");
  process.exit(2);
}, 60000).unref();

const all = routes();
const matches = (template, pathname) => new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$").test(pathname);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const route = all.find((r) => r.method === req.method && matches(r.path, url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "DELETE";
  const response = await route.handler(new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});

await new Promise((r) => server.listen(0, "127.0.0.1", r));
try {
  const passed = await runClient(`http://127.0.0.1:${server.address().port}`);
  for (const p of passed) console.log(`ok ${p}`);
  console.log("SURFACE OK");
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  server.close();
}
