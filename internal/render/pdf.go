package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNoChromium is returned by PDF when no headless Chromium is installed.
var ErrNoChromium = errors.New("no Chromium found (install chromium, or set JUESUAN_CHROMIUM to its path) to print PDF")

// Chromium returns the path of a local Chromium or Chrome: the
// JUESUAN_CHROMIUM environment variable, else the first of chromium,
// chromium-browser, google-chrome, google-chrome-stable and headless_shell
// on PATH.
func Chromium() (string, error) {
	if p := os.Getenv("JUESUAN_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("JUESUAN_CHROMIUM=%s: %w", p, ErrNoChromium)
		}
		return p, nil
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// PDF prints page (a self-contained HTML file) to PDF with a local headless
// Chromium (--headless --print-to-pdf) and returns the PDF.
func PDF(ctx context.Context, page []byte) ([]byte, error) {
	bin, err := Chromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "juesuan-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, page, 0o600); err != nil {
		return nil, err
	}
	args := []string{"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--no-pdf-header-footer", "--print-to-pdf=" + out, "file://" + in}
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", bin, err, lastLine(stderr.Bytes()))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("%s wrote no PDF: %w: %s", bin, err, lastLine(stderr.Bytes()))
	}
	return b, nil
}

func lastLine(b []byte) string {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[i+1:]
	}
	return string(b)
}
