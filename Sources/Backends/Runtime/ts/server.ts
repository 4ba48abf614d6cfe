import { ValidationError } from "./errors.js";
import type { FieldViolation } from "./errors.js";

/** What a handler learns about the HTTP request besides the decoded message. */
export interface ServerContext {
  request: Request;
  /** Path variables by name, URL-decoded. */
  pathParams: Record<string, string>;
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
}

export interface ServerOptions {
  /** Maps an error other than ValidationError to a response (default: 500 with `{"message"}`). */
  onError?: (error: unknown, req: Request) => Response | Promise<Response>;
  /** Validates a decoded request; violations are answered with 400. */
  validateRequest?: (methodName: string, body: unknown) => FieldViolation[] | undefined;
}

/** One route: mount `handler` for `method` and `path` (`{name}` marks a path variable). */
export interface RouteDescriptor {
  method: string;
  path: string;
  handler: (req: Request) => Promise<Response>;
}

export interface HeaderSpec {
  name: string;
  type: string;
  format: string;
  required: boolean;
}

export interface ParamSpec {
  name: string;
  property: string;
  kind: "string" | "int64" | "integer" | "number" | "bool" | "enum";
  values?: string[];
  names?: string[];
  repeated?: boolean;
  required?: boolean;
  zero?: unknown;
}

export const HEADER_FORMATS: Record<string, [RegExp, string]> = {
  uuid: [/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a valid UUID"],
  email: [/^[^@\s]+@[^@\s]+$/, "must be a valid email"],
  "date-time": [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "must be a valid date-time"],
  date: [/^\d{4}-\d{2}-\d{2}$/, "must be a valid date"],
  time: [/^\d{2}:\d{2}:\d{2}$/, "must be a valid time"],
};

export function violation(field: string, description: string): ValidationError {
  return new ValidationError([{ field, description }]);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Why a header value does not match its declared type and format, or undefined. */
export function validateHeader(spec: HeaderSpec, value: string): string | undefined {
  switch (spec.type) {
    case "integer":
      return /^[+-]?\d+$/.test(value) ? undefined : "must be an integer";
    case "number":
      return value.trim() !== "" && !Number.isNaN(Number(value)) ? undefined : "must be a number";
    case "boolean":
      return /^(1|0|t|f|true|false|TRUE|FALSE|True|False|T|F)$/.test(value) ? undefined : "must be a boolean";
    default: {
      const format = HEADER_FORMATS[spec.format];
      return format === undefined || format[0].test(value) ? undefined : format[1];
    }
  }
}

/** Validates the route's headers and collects the request's path variables and headers. */
export function context(req: Request, template: string, specs: HeaderSpec[]): ServerContext {
  const violations: FieldViolation[] = [];
  for (const spec of specs) {
    const value = req.headers.get(spec.name);
    if (value === null) {
      if (spec.required) violations.push({ field: spec.name, description: `required header '${spec.name}' is missing` });
      continue;
    }
    const problem = validateHeader(spec, value);
    if (problem !== undefined) violations.push({ field: spec.name, description: `header '${spec.name}' validation failed: ${problem}` });
  }
  if (violations.length > 0) throw new ValidationError(violations);
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  // Template segments align with the end of the path, so a mount prefix does not matter.
  const want = template.split("/");
  const got = new URL(req.url).pathname.split("/");
  const offset = got.length - want.length;
  const pathParams: Record<string, string> = {};
  want.forEach((segment, i) => {
    if (segment.startsWith("{") && segment.endsWith("}")) {
      const raw = got[offset + i];
      if (raw !== undefined) pathParams[segment.slice(1, -1)] = decodeURIComponent(raw);
    }
  });
  return { request: req, pathParams, headers };
}

/** Converts one URL value to the field's JSON type, or throws a 400. */
export function convert(spec: ParamSpec, raw: string, what: string): unknown {
  const bad = (why: string): ValidationError => violation(spec.name, `invalid value for ${what} ${spec.name}: ${why}`);
  switch (spec.kind) {
    case "string":
      return raw;
    case "int64":
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`'${raw}' is not an integer`);
      return raw;
    case "integer": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isInteger(n)) throw bad(`'${raw}' is not an integer`);
      return n;
    }
    case "number": {
      const n = Number(raw);
      if (raw.trim() === "" || Number.isNaN(n)) throw bad(`'${raw}' is not a number`);
      return n;
    }
    case "bool":
      if (raw === "true" || raw === "1") return true;
      if (raw === "false" || raw === "0") return false;
      throw bad(`'${raw}' is not a boolean`);
    case "enum": {
      const values = spec.values ?? [];
      if (values.includes(raw)) return raw;
      const byName = (spec.names ?? []).indexOf(raw);
      if (byName >= 0 && byName < values.length) return values[byName];
      throw bad(`'${raw}' is not one of ${values.join(", ")}`);
    }
  }
}

/** Where a root-unwrapped request's bare JSON list or map goes in the request message. */
export interface UnwrapSpec {
  property: string;
  map: boolean;
}

/**
 * Builds the request message: JSON body (if any), then path variables, then query parameters.
 * Unknown body fields are kept as they are and never rejected (upstream ignores them too). A
 * root-unwrapped request arrives as its bare list or map (`null` when empty, as upstream's
 * encoder writes it) and is wrapped into its field.
 */
export async function decode(req: Request, ctx: ServerContext, hasBody: boolean, path: ParamSpec[], query: ParamSpec[], unwrap?: UnwrapSpec): Promise<unknown> {
  let body: Record<string, unknown> = {};
  if (unwrap !== undefined) body[unwrap.property] = unwrap.map ? {} : [];
  if (hasBody) {
    const text = await req.text();
    if (text.trim() !== "") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw violation("body", `failed to parse request body: ${errorMessage(err)}`);
      }
      if (unwrap !== undefined) {
        // Upstream's TS client sends the message object ({"items": [...]}) for a list; an
        // object is unambiguous there, so both forms are accepted.
        const wrapped = !unwrap.map && typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
        if (wrapped) parsed = (parsed as Record<string, unknown>)[unwrap.property] ?? null;
        const ok = parsed === null || (typeof parsed === "object" && Array.isArray(parsed) !== unwrap.map);
        if (!ok) throw violation("body", `failed to parse request body: not a JSON ${unwrap.map ? "object" : "array"}`);
        if (parsed !== null) body[unwrap.property] = parsed;
      } else {
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw violation("body", "failed to parse request body: not a JSON object");
        body = parsed as Record<string, unknown>;
      }
    }
  }
  for (const spec of path) {
    const raw = ctx.pathParams[spec.name];
    if (raw === undefined || raw === "") throw violation(spec.name, `missing required path parameter: ${spec.name}`);
    body[spec.property] = convert(spec, raw, "path parameter");
  }
  const params = new URL(ctx.request.url).searchParams;
  for (const spec of query) {
    const raws = params.getAll(spec.name).filter((v) => v !== "");
    if (raws.length === 0) {
      if (spec.required) throw violation(spec.name, `missing required query parameter: ${spec.name}`);
      if (spec.zero !== undefined && !(spec.property in body)) body[spec.property] = spec.zero;
      continue;
    }
    body[spec.property] = spec.repeated
      ? raws.map((raw) => convert(spec, raw, "query parameter"))
      : convert(spec, raws[0] ?? "", "query parameter");
  }
  return body;
}

export function check(options: ServerOptions | undefined, methodName: string, body: unknown): void {
  const violations = options?.validateRequest?.(methodName, body);
  if (violations !== undefined && violations.length > 0) throw new ValidationError(violations);
}

export function jsonResponse(value: unknown, status: number): Response {
  return new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
}

/** Runs a route; ValidationError → 400 `{violations}`, then `onError`, else 500 `{message}`. */
export async function handle(req: Request, options: ServerOptions | undefined, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ValidationError) return jsonResponse({ violations: err.violations }, 400);
    if (options?.onError !== undefined) return options.onError(err, req);
    return jsonResponse({ message: errorMessage(err) }, 500);
  }
}

export const SSE_HEADERS: Record<string, string> = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive",
};

export type ReadResult<T> = Awaited<ReturnType<ReadableStreamDefaultReader<T>["read"]>>;

/** An event with a name: written as `event: <name>` before its `data:` line (Go's SendWithEvent). */
export class NamedEvent<T> {
  readonly event: string;
  readonly data: T;

  constructor(event: string, data: T) {
    if (/[\r\n]/.test(event)) throw new Error("SSE event names cannot contain line breaks");
    this.event = event;
    this.data = data;
  }
}

function frame(value: unknown): string {
  if (value instanceof NamedEvent) return `event: ${value.event}\ndata: ${JSON.stringify(value.data)}\n\n`;
  return `data: ${JSON.stringify(value)}\n\n`;
}

/**
 * Streams a handler's events as `data:` frames. The first event is read before answering,
 * so an error before it is a normal HTTP error; later errors end the stream with an
 * `event: error` frame. Events are pulled only when the client reads, and a client
 * disconnect cancels the handler's stream.
 */
export async function sseResponse<T>(events: ReadableStream<T>): Promise<Response> {
  const reader = events.getReader();
  let pending: ReadResult<T> | undefined;
  try {
    pending = await reader.read();
  } catch (err) {
    reader.releaseLock();
    throw err;
  }
  const encoder = new TextEncoder();
  let finished = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = pending ?? (await reader.read());
          pending = undefined;
          if (next.done) {
            finished = true;
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(frame(next.value)));
        } catch (err) {
          finished = true;
          controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ message: errorMessage(err) })}\n\n`));
          controller.close();
        }
      },
      async cancel(reason) {
        if (finished) return;
        finished = true;
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
