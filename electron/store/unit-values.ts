// A unit's figures as read from the store: the values of its codes in one list (its stretch of the period's list,
// not copied) beside the places of its codes, shared by every unit that holds the same codes (a roll-up's 6,600
// units hold a handful of code lists). No Map of its own per unit; a sum over many units finds its codes' places
// once per code list, not once per unit.

type Value = number | null;

/** The codes of a list in order, and the place of each. Shared by the units that hold these codes: never changed. */
export class CodePlaces {
  readonly index: Map<string, number>;

  constructor(readonly codes: readonly string[]) {
    this.index = new Map(codes.map((c, i) => [c, i]));
  }

  /** The places of some codes, -1 for a code not in the list. */
  placesOf(codes: readonly string[]): readonly number[] {
    return codes.map((c) => this.index.get(c) ?? -1);
  }
}

/** A unit's values by code, read as a Map is (iterated in code order, a code added later last). */
export class UnitValues implements ReadonlyMap<string, Value> {
  constructor(
    private placesOfCodes: CodePlaces,
    private list: Value[],
    private offset: number,
  ) {}

  get places(): CodePlaces {
    return this.placesOfCodes;
  }

  get size(): number {
    return this.placesOfCodes.codes.length;
  }

  get(code: string): Value | undefined {
    const i = this.placesOfCodes.index.get(code);
    return i === undefined ? undefined : this.list[this.offset + i];
  }

  has(code: string): boolean {
    return this.placesOfCodes.index.has(code);
  }

  /** The values at places of this unit's CodePlaces.placesOf (undefined at -1) into `into`, from its start. */
  pick(places: readonly number[], into: (Value | undefined)[]): void {
    for (let i = 0; i < places.length; i++) {
      const at = places[i]!;
      into[i] = at < 0 ? undefined : this.list[this.offset + at];
    }
  }

  /** Sets a code's value (a correction, a range's sum); a code not held is added after the others, as a Map would. */
  set(code: string, value: Value): void {
    const i = this.placesOfCodes.index.get(code);
    if (i !== undefined) {
      this.list[this.offset + i] = value;
      return;
    }
    const codes = this.placesOfCodes.codes;
    this.list = [...this.list.slice(this.offset, this.offset + codes.length), value];
    this.offset = 0;
    this.placesOfCodes = new CodePlaces([...codes, code]);
  }

  /** A copy to change (its own list; the places stay shared until a code is added). */
  copy(): UnitValues {
    return new UnitValues(this.placesOfCodes, this.list.slice(this.offset, this.offset + this.size), 0);
  }

  forEach(callback: (value: Value, code: string, map: ReadonlyMap<string, Value>) => void, thisArg?: unknown): void {
    const codes = this.placesOfCodes.codes;
    for (let i = 0; i < codes.length; i++) callback.call(thisArg, this.list[this.offset + i] as Value, codes[i]!, this);
  }

  entries(): MapIterator<[string, Value]> {
    return this.walk((code, value): [string, Value] => [code, value]);
  }

  keys(): MapIterator<string> {
    return this.walk((code) => code);
  }

  values(): MapIterator<Value> {
    return this.walk((_code, value) => value);
  }

  [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }

  private *walk<T>(item: (code: string, value: Value) => T): MapIterator<T> {
    const codes = this.placesOfCodes.codes;
    for (let i = 0; i < codes.length; i++) yield item(codes[i]!, this.list[this.offset + i] as Value);
  }
}
