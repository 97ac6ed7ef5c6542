import type { Command } from 'commander';

// Placeholder during initial construction; owned by helper A (users).
export function registerUserCommands(_program: Command): void {}
