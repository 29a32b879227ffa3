/**
 * An election's results used as the next one's baseline, and the candidate file joined to a
 * constituency file. Pure: the caller (main/server/election-folder.ts, the import route)
 * reads the files and passes the imported seats in.
 */
import type { BaselineSeat } from './baseline-schema';
import { seatMajority, seatWinner } from './seat-ranking';
import type { DeclaredSeat, SeatResult } from './seat-result-schema';

/**
 * Each declared seat as a baseline seat: its winner is the holder GAIN/HOLD is judged
 * against, its votes what share change and swing compare with. Seats without figures
 * (pending, a rush) cannot be a baseline and are returned by code to be reported.
 */
export function baselineFromResults(seats: readonly SeatResult[], names?: ReadonlyMap<string, string>): { seats: BaselineSeat[]; withoutFigures: string[] } {
  const out: BaselineSeat[] = [];
  const withoutFigures: string[] = [];
  for (const seat of seats) {
    const winner = seatWinner(seat);
    if (seat.state !== 'declared' || winner === undefined || seat.validVotes === 0) {
      withoutFigures.push(seat.onsCode);
      continue;
    }
    const name = names?.get(seat.onsCode);
    out.push({
      onsCode: seat.onsCode,
      ...(name === undefined ? {} : { name }),
      winner,
      majority: seatMajority(seat)?.votes ?? 0,
      ...(seat.electorate === undefined ? {} : { electorate: seat.electorate }),
      validVotes: seat.validVotes,
      partyVotes: { ...seat.partyVotes },
    });
  }
  return { seats: out, withoutFigures };
}

/**
 * Puts the candidates of one publication (the candidate file) into the seats of another (the
 * constituency file, which has the electorate but no names). Joined only where both agree on
 * the valid votes and the winner, so a name never lands on someone else's figures; the seats
 * that disagree are returned by code.
 */
export function withCandidates(seats: readonly SeatResult[], named: ReadonlyMap<string, DeclaredSeat>): { seats: SeatResult[]; disagreeing: string[] } {
  const disagreeing: string[] = [];
  const out = seats.map((seat) => {
    const other = named.get(seat.onsCode);
    if (seat.state !== 'declared' || seat.candidates !== undefined || other?.candidates === undefined) return seat;
    if (other.validVotes !== seat.validVotes || seatWinner(other) !== seatWinner(seat)) {
      disagreeing.push(seat.onsCode);
      return seat;
    }
    return { ...seat, candidates: other.candidates };
  });
  return { seats: out, disagreeing };
}

/**
 * A file for other boundaries names mostly seats this election does not have: applying the
 * few that match would put a handful of wrong seats on air. Refused whole when the unknown
 * seats are at least a tenth of the file (and more than one); a stray code or two is
 * refused by name, seat by seat, as before.
 */
export function boundaryMismatch(codes: readonly string[], known: (code: string) => boolean): { unknown: string[]; refuse: boolean } {
  const unknown = codes.filter((c) => !known(c));
  return { unknown, refuse: unknown.length > 1 && unknown.length * 10 >= codes.length };
}
