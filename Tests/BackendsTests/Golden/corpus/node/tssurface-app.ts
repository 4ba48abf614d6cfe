// User code written against upstream sebuf's generated TypeScript API (its exported names and
// signatures): handlers typed by the generated interfaces, the generated clients, the error
// classes, the oneof helper types, nullable and unwrapped shapes. Compiled with tsc --strict by
// OracleTests/TSSurfaceOracleTests.swift and run by tssurface-host.mjs against a real server.
import { CatalogServiceClient, FeedServiceClient } from "./client/tssurface/v1/index.js";
import type {
  Announcement,
  AnnouncementAudience,
  AnnouncementBase,
  AnnouncementBody,
  AnnouncementReplyToTarget,
  Availability,
  Product,
  ProductList,
  TagGroups,
} from "./client/tssurface/v1/index.js";
import { ApiError, ValidationError } from "./client/errors.js";
import type { FieldViolation } from "./client/errors.js";
import { createCatalogServiceRoutes, createFeedServiceRoutes } from "./server/tssurface/v1/index.js";
import type {
  CatalogServiceHandler,
  FeedServiceHandler,
  RouteDescriptor,
  ServerContext,
  ServerOptions,
} from "./server/tssurface/v1/index.js";
import { ValidationError as RequestInvalid } from "./server/errors.js";

class NotFound extends Error {}

const products = new Map<string, Product>();

export function product(id: string, name: string, availability: Availability): Product {
  return {
    productId: id,
    name,
    stock: 3,
    views: "12",
    availability,
    availabilityCode: 1,
    grade: "GRADE_A",
    gradeCode: 1,
    thumbnail: "",
    checksum: "00ff",
    subtitle: null,
    rating: 4,
    price_units: "100",
    price_currency: "EUR",
    width: 1,
    height: 2,
    counters: { clicks: "7" },
    regional: { eu: "in-stock" },
    history: [],
    sizes: [38, 39],
  };
}

const catalog: CatalogServiceHandler = {
  async getProduct(_ctx: ServerContext, req) {
    const p = products.get(req.productId);
    if (p === undefined) throw new NotFound(`product ${req.productId} not found`);
    return p;
  },
  async searchProducts(_ctx, req) {
    const all = [...products.values()].filter((p) => req.availability === "unknown" || p.availability === req.availability);
    return req.limit > 0 ? all.slice(0, req.limit) : all;
  },
  async createProduct(ctx, req) {
    if (req.name === "") throw new RequestInvalid([{ field: "name", description: "name is required" }]);
    if (ctx.headers["x-request-id"] === undefined) throw new Error("no request id");
    products.set(req.productId, req);
    return req;
  },
  async replaceProduct(_ctx, req) {
    products.set(req.productId, req);
    return req;
  },
  async patchProduct(_ctx, req) {
    const p = products.get(req.productId);
    if (p === undefined) throw new NotFound(req.productId);
    const patched: Product = { ...p, name: req.name };
    products.set(p.productId, patched);
    return patched;
  },
  async deleteProduct(_ctx, req) {
    return { deleted: products.delete(req.productId) };
  },
  async productIndex() {
    return Object.fromEntries(products);
  },
  async tags(): Promise<TagGroups> {
    return { groups: { shoes: ["red", "blue"] }, total: 2 };
  },
  async importProducts(_ctx, req: ProductList) {
    for (const p of req.products) products.set(p.productId, p);
    return req.products;
  },
  async publish(_ctx, req) {
    return req;
  },
  async ping() {
    return { pong: "pong" };
  },
};

const feed: FeedServiceHandler = {
  watch(ctx, req) {
    const items: Announcement[] = [
      { id: "1", kind: "text_body", text: `hello ${ctx.pathParams["channel"]} ${req.availability}` },
      { id: "2", kind: "image", url: "https://example.com/a.png", width: 64, audience_type: "group", groupName: "ops" },
    ];
    return new ReadableStream<Announcement>({
      start(controller) {
        for (const a of items) controller.enqueue(a);
        controller.close();
      },
    });
  },
};

const options: ServerOptions = {
  onError: (err) =>
    new Response(JSON.stringify({ message: err instanceof Error ? err.message : String(err) }), {
      status: err instanceof NotFound ? 404 : 500,
      headers: { "Content-Type": "application/json" },
    }),
};

export function routes(): RouteDescriptor[] {
  return [...createCatalogServiceRoutes(catalog, options), ...createFeedServiceRoutes(feed, options)];
}

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(`check failed: ${what}`);
}

/** Calls every method the way upstream users do; returns the names of the passed checks. */
export async function runClient(baseURL: string): Promise<string[]> {
  const passed: string[] = [];
  const key = "123e4567-e89b-12d3-a456-426614174000";
  const client = new CatalogServiceClient(baseURL, { apiKey: key });

  const created = await client.createProduct(product("p1", "Boot", "in-stock"), { headers: { "X-Request-ID": "r1" } });
  check(created.subtitle === null && created.rating === 4 && created.stock === 3, "nullable and NUMBER fields");
  passed.push("create");

  try {
    await client.createProduct(product("p2", "", "sold-out"), { requestId: "r2" });
    check(false, "validation error expected");
  } catch (e) {
    check(e instanceof ValidationError, "ValidationError");
    const violations: FieldViolation[] = (e as ValidationError).violations;
    check(violations[0]?.field === "name", "violation field");
  }
  passed.push("ValidationError");

  try {
    await client.getProduct({ productId: "missing" });
    check(false, "404 expected");
  } catch (e) {
    check(e instanceof ApiError && e.statusCode === 404 && e.body.includes("missing"), "ApiError 404");
  }
  passed.push("ApiError");

  await client.importProducts({ products: [product("p3", "Sandal", "sold-out")] });
  const soldOut = await client.searchProducts({
    text: "", limit: 0, availability: "sold-out", tags: [], afterId: "0", inStockOnly: false,
  });
  check(soldOut.length === 1 && soldOut[0]?.productId === "p3", "enum_value query parameter");
  const byName = await fetch(`${baseURL}/v1/products?availability=AVAILABILITY_SOLD_OUT`, { headers: { "X-API-Key": key } });
  const named = (await byName.json()) as Product[];
  check(byName.status === 200 && named.length === 1, "enum name in the URL");
  passed.push("unwrap and enum params");

  const index = await client.productIndex({
    text: "", limit: 0, availability: "unknown", tags: [], afterId: "0", inStockOnly: false,
  });
  check(index["p1"]?.name === "Boot" && Object.keys(index).length === 2, "root map unwrap");
  const tags = await client.tags({ text: "", limit: 0, availability: "unknown", tags: [], afterId: "0", inStockOnly: false });
  check(tags.groups["shoes"]?.[1] === "blue", "map-value unwrap");
  const empty = await fetch(`${baseURL}/v1/import`, {
    method: "POST", headers: { "X-API-Key": key, "Content-Type": "application/json" }, body: "null",
  });
  check(empty.status === 200 && JSON.stringify(await empty.json()) === "[]", "null for an empty unwrapped list");
  const wrapped = await fetch(`${baseURL}/v1/import`, {
    method: "POST",
    headers: { "X-API-Key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ products: [product("p4", "Clog", "in-stock")] }),
  });
  check(wrapped.status === 200 && ((await wrapped.json()) as Product[])[0]?.name === "Clog", "upstream client's wrapped list");
  const notAList = await fetch(`${baseURL}/v1/import`, {
    method: "POST", headers: { "X-API-Key": key, "Content-Type": "application/json" }, body: "42",
  });
  check(notAList.status === 400, "a scalar body for an unwrapped list is a 400");
  passed.push("unwrap shapes");

  const base: AnnouncementBase = { id: "a1" };
  const body: AnnouncementBody = { kind: "image", url: "https://example.com/b.png", width: 10 };
  const audience: AnnouncementAudience = { audience_type: "user_id", userId: "u1" };
  const reply: AnnouncementReplyToTarget = { replyGrade: "GRADE_B" };
  const sent: Announcement = { ...base, ...body, ...audience, ...reply };
  const echoed = await client.publish(sent);
  check(echoed.kind === "image" && echoed.url.endsWith("b.png"), "flattened oneof narrows on kind");
  check(echoed.audience_type === "user_id" && echoed.userId === "u1", "discriminated oneof");
  check(echoed.replyGrade === "GRADE_B" && echoed.replyToId === undefined, "presence oneof");
  passed.push("oneof helper types");

  const extra = await fetch(`${baseURL}/v1/announcements`, {
    method: "POST",
    headers: { "X-API-Key": key, "Content-Type": "application/json" },
    body: JSON.stringify({ id: "x", notAField: 1 }),
  });
  check(extra.status === 200, `unknown JSON fields are ignored (got ${extra.status})`);
  passed.push("unknown fields ignored");

  check((await client.deleteProduct({ productId: "p1" })).deleted, "delete");
  check((await client.ping({})).pong === "pong", "ping");
  passed.push("verbs");

  const events: Announcement[] = [];
  for await (const a of new FeedServiceClient(baseURL).watch({ channel: "news", availability: "in-stock" })) events.push(a);
  const first = events[0];
  check(events.length === 2 && first?.kind === "text_body" && first.text === "hello news in-stock", "SSE events");
  passed.push("SSE");
  return passed;
}
