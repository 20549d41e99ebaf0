//go:build !unix

package main

import "os"

// openFlags opens an input for reading.
const openFlags = os.O_RDONLY
