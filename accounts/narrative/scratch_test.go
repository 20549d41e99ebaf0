package narrative
import ("testing";"fmt";"os")
func TestScratch(t *testing.T) {
	text, _ := os.ReadFile("testdata/shanghai-2024-template.txt")
	fs, err := Lint(text, &Facts{Year: 2024})
	if err != nil { t.Fatal(err) }
	for _, f := range fs { if f.Rule != "C11" { fmt.Printf("%d:%d %s %s %s | %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Message, f.Quote) } }
	n := 0
	for _, f := range fs { if f.Rule == "C11" { n++ } }
	fmt.Println("C11:", n)
}
