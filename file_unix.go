//go:build unix

package juesuan

import (
	"os"
	"syscall"
)

// openFlags opens a file without blocking: opening a named pipe that has no
// writer returns at once, and a read from a device that cannot be polled
// returns instead of waiting.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
