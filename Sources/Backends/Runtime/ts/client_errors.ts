/** Turns an unsuccessful response into a ValidationError (400 with violations) or an ApiError. */
async function throwResponseError(resp: Response): Promise<never> {
  const body = await resp.text();
  if (resp.status === 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const violations = (parsed as { violations?: unknown } | null | undefined)?.violations;
    if (Array.isArray(violations)) throw new ValidationError(violations as FieldViolation[]);
  }
  throw new ApiError(resp.status, `Request failed with status ${resp.status}`, body);
}
