package narrative
import ("testing";"time";"os";"strings";"encoding/json")
func TestScratchPerf(t *testing.T) {
	b, _ := os.ReadFile("../../testdata/sichuan-2020/panzhihua-chengdu-office.narrative.txt")
	var f Facts
	fb, _ := os.ReadFile("testdata/panzhihua.facts.json")
	json.Unmarshal(fb, &f)
	for name, text := range map[string]string{
		"ref": string(b),
		"oneline": strings.NewReplacer("\n", "", "。", "").Replace(string(b)),
		"repeat": strings.Repeat("公务接待费支出1万元，比上年减少1万元，下降1%，", 5000),
		"parens": strings.Repeat("（", 50000) + strings.Repeat("1万元", 2000),
	} {
		st := time.Now()
		fs, err := Lint([]byte(text), &f)
		t.Logf("%s: %d bytes %d findings %v %v", name, len(text), len(fs), err, time.Since(st))
	}
}
