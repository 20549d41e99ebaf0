//go:build !unix

package juesuan

import "os"

// openFlags opens a file for reading.
const openFlags = os.O_RDONLY
