//go:build unix

package main

import (
	"os"
	"syscall"
)

// openFlags opens an input without blocking: opening a named pipe that has
// no writer returns at once, and a read from a device that cannot be
// polled returns instead of waiting.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
