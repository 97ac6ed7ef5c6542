import type { Command } from 'commander';

// Placeholder during initial construction; owned by helper A (server).
export function registerServeCommand(_program: Command): void {}
