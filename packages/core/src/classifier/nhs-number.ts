// NHS numbers: 10 digits, written "943 476 5919", "943-476-5919" or "9434765919". The last digit is a
// modulus-11 check digit, so most 10-digit numbers (order numbers, phone numbers, references) are
// not NHS numbers at all. A number that passes the check is still only *probably* an NHS number
// unless the text around it says so ("NHS", "number", "NHS no").

/** True when `digits` (10 characters, 0–9) carries a valid NHS modulus-11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * (10 - i);
  }
  const remainder = sum % 11;
  const check = 11 - remainder === 11 ? 0 : 11 - remainder;
  if (check === 10) return false; // no valid number has this remainder
  return check === digits.charCodeAt(9) - 48;
}

export interface NumberCandidate {
  digits: string;
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

/** The character at k is 0–9 (false past either end: charCodeAt gives NaN there). */
function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}
const SPACE = 32;
/** One digit, global so that `lastIndex` says where to look from (only this module uses it). */
const DIGIT = /[0-9]/g;
const HYPHEN = 45;

/**
 * Every run of exactly 10 digits in the shapes NHS numbers are written in: contiguous, or 3-3-4
 * groups separated by one space or hyphen. A longer run (a phone number, a card number) is not one.
 * One pass over the text.
 */
export function findTenDigitNumbers(text: string): NumberCandidate[] {
  const found: NumberCandidate[] = [];
  // Fewer than ten digits in all (most posts): nothing to find. The regular expression scans natively,
  // which for a few hundred characters is several times quicker than a loop over character codes.
  let digits = 0;
  DIGIT.lastIndex = 0;
  while (digits < 10 && DIGIT.test(text)) digits++;
  if (digits < 10) return found;
  let i = 0;
  while (i < text.length) {
    if (!isDigitAt(text, i)) {
      // On to the next digit, by the same native scan.
      DIGIT.lastIndex = i;
      if (!DIGIT.test(text)) break;
      i = DIGIT.lastIndex - 1;
    }
    if (isDigitAt(text, i - 1)) {
      i++;
      continue;
    }
    // Read digit groups joined by single separators.
    const groups: string[] = [];
    let j = i;
    for (;;) {
      let k = j;
      while (isDigitAt(text, k)) k++;
      groups.push(text.slice(j, k));
      const sep = text.charCodeAt(k);
      if ((sep === SPACE || sep === HYPHEN) && isDigitAt(text, k + 1) && groups.length < 4) {
        j = k + 1;
        continue;
      }
      j = k;
      break;
    }
    const [a, b, c] = groups as [string, string?, string?];
    if (groups.length === 1 && a.length === 10) {
      found.push({ digits: a, start: i, end: j });
    } else if (groups.length === 3 && a.length === 3 && b?.length === 3 && c?.length === 4) {
      found.push({ digits: groups.join(''), start: i, end: j });
    }
    i = Math.max(j, i + 1);
  }
  return found;
}
