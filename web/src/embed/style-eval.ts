/**
 * Evaluates the few MapLibre style expressions the embed's style uses (get, has, zoom, ==, all,
 * case, match, step, linear interpolate, literal) for one feature at one zoom, so the first frame
 * can be painted from the very style the map is given before MapLibre has loaded. Anything else
 * throws, naming the operator: a style change the first frame cannot follow fails its test rather
 * than drawing something the map will not.
 */
export type Properties = Record<string, unknown>;

/** A feature whose value has the wrong type for the expression: MapLibre then uses the property's default. */
export class ExpressionTypeError extends Error {}

const numberOf = (value: unknown, op: string): number => {
  if (typeof value !== 'number') throw new ExpressionTypeError(`${op} expects a number, not ${JSON.stringify(value)}`);
  return value;
};

/** A paint value as MapLibre resolves it: the expression's result, or the property's default where it fails. */
export function paintValue(expression: unknown, properties: Properties, zoom: number, fallback: unknown): unknown {
  if (expression === undefined) return fallback;
  try {
    return evaluate(expression, properties, zoom);
  } catch (error) {
    if (error instanceof ExpressionTypeError) return fallback;
    throw error;
  }
}

export function evaluate(expression: unknown, properties: Properties, zoom: number): unknown {
  if (!Array.isArray(expression)) return expression;
  const [op, ...args] = expression as [unknown, ...unknown[]];
  const at = (e: unknown) => evaluate(e, properties, zoom);
  switch (op) {
    case 'literal':
      return args[0];
    case 'get':
      return properties[args[0] as string] ?? null;
    case 'has':
      return (args[0] as string) in properties;
    case 'zoom':
      return zoom;
    case '==':
      return at(args[0]) === at(args[1]);
    case '!=':
      return at(args[0]) !== at(args[1]);
    case 'all':
      return args.every((a) => at(a) === true);
    case 'any':
      return args.some((a) => at(a) === true);
    case '!':
      return at(args[0]) !== true;
    case 'case': {
      for (let i = 0; i + 1 < args.length; i += 2) if (at(args[i]) === true) return at(args[i + 1]);
      return at(args[args.length - 1]);
    }
    case 'match': {
      const input = at(args[0]);
      for (let i = 1; i + 1 < args.length; i += 2) {
        const label = args[i];
        if (Array.isArray(label) ? label.includes(input) : label === input) return at(args[i + 1]);
      }
      return at(args[args.length - 1]);
    }
    case 'step': {
      const input = numberOf(at(args[0]), 'step');
      let out = args[1];
      for (let i = 2; i + 1 < args.length && input >= (args[i] as number); i += 2) out = args[i + 1];
      return at(out);
    }
    case 'interpolate':
      return interpolate(args, at);
    default:
      throw new Error(`the first frame cannot evaluate the style expression "${String(op)}"`);
  }
}

/** ['interpolate', ['linear'], input, stop, output, …] over numbers, clamped at both ends. */
function interpolate(args: unknown[], at: (e: unknown) => unknown): number {
  const [kind, input, ...stops] = args;
  if (!Array.isArray(kind) || kind[0] !== 'linear') {
    throw new Error(`the first frame interpolates only linearly, not ${JSON.stringify(kind)}`);
  }
  const x = numberOf(at(input), 'interpolate');
  const n = stops.length / 2;
  const stop = (i: number) => stops[2 * i] as number;
  const value = (i: number) => at(stops[2 * i + 1]) as number;
  if (x <= stop(0)) return value(0);
  if (x >= stop(n - 1)) return value(n - 1);
  let i = 0;
  while (x >= stop(i + 1)) i++;
  const t = (x - stop(i)) / (stop(i + 1) - stop(i));
  return value(i) + t * (value(i + 1) - value(i));
}
