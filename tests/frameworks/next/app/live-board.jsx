"use client";
// The live element in a client component; importing it during server rendering registers
// nothing and throws nothing.
import "gov-leaderboard/element";

export default function LiveBoard() {
  return <gov-leaderboard id="live" src="/seed.json" locale="ar-EG" pin="eg-moi" top="3"></gov-leaderboard>;
}
