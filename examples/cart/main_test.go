package cart

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
)

// TestMain runs the package's tests, then writes its heap profile and runtime.MemStats for
// gomem-gate: into $GOMEM_GATE_OUT when set, else into .gomem-gate/ in the package folder.
func TestMain(m *testing.M) {
	code := m.Run()
	runtime.GC() // the heap profile shows what was live at the last GC
	if err := writeMemoryFiles(); err != nil {
		fmt.Fprintln(os.Stderr, "gomem-gate files:", err)
		code = 1
	}
	os.Exit(code)
}

// writeMemoryFiles writes heap.pb.gz (the heap profile) and memstats.json.
func writeMemoryFiles() error {
	dir := os.Getenv("GOMEM_GATE_OUT")
	if dir == "" {
		dir = ".gomem-gate"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	heap, err := os.Create(filepath.Join(dir, "heap.pb.gz"))
	if err != nil {
		return err
	}
	if err := pprof.Lookup("heap").WriteTo(heap, 0); err != nil {
		heap.Close()
		return err
	}
	if err := heap.Close(); err != nil {
		return err
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	js, err := json.Marshal(ms)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "memstats.json"), js, 0o644)
}
