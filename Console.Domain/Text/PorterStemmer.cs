namespace Console.Domain.Text;

/// <summary>M. F. Porter's 1980 suffix-stripping algorithm for English, on lower-case ASCII words.</summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z')) return word;
        var w = new Word(word);
        w.Step1A(); w.Step1B(); w.Step1C(); w.Step2(); w.Step3(); w.Step4(); w.Step5();
        return w.ToString();
    }

    private sealed class Word(string word)
    {
        private char[] _b = word.ToCharArray();
        private int _k = word.Length - 1; // last index of the current word
        private int _j;                   // end of the stem once a suffix matched

        public override string ToString() => new(_b, 0, _k + 1);

        private bool Cons(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !Cons(i - 1),
            _ => true,
        };

        // The number of vowel-consonant sequences in b[0.._j].
        private int M()
        {
            int n = 0, i = 0;
            while (true) { if (i > _j) return n; if (!Cons(i)) break; i++; }
            i++;
            while (true)
            {
                while (true) { if (i > _j) return n; if (Cons(i)) break; i++; }
                i++; n++;
                while (true) { if (i > _j) return n; if (!Cons(i)) break; i++; }
                i++;
            }
        }

        private bool VowelInStem() { for (var i = 0; i <= _j; i++) if (!Cons(i)) return true; return false; }

        private bool DoubleC(int j) => j >= 1 && _b[j] == _b[j - 1] && Cons(j);

        private bool Cvc(int i) => i >= 2 && Cons(i) && !Cons(i - 1) && Cons(i - 2) && _b[i] is not ('w' or 'x' or 'y');

        private bool Ends(string s)
        {
            var l = s.Length;
            if (l > _k + 1) return false;
            for (var i = 0; i < l; i++) if (_b[_k - l + 1 + i] != s[i]) return false;
            _j = _k - l;
            return true;
        }

        private void SetTo(string s)
        {
            var needed = _j + 1 + s.Length;
            if (needed > _b.Length) Array.Resize(ref _b, needed);
            for (var i = 0; i < s.Length; i++) _b[_j + 1 + i] = s[i];
            _k = _j + s.Length;
        }

        private void R(string s) { if (M() > 0) SetTo(s); }

        public void Step1A()
        {
            if (_b[_k] != 's') return;
            if (Ends("sses")) _k -= 2;
            else if (Ends("ies")) SetTo("i");
            else if (_k >= 1 && _b[_k - 1] != 's') _k--;
        }

        public void Step1B()
        {
            if (Ends("eed")) { if (M() > 0) _k--; return; }
            if (!((Ends("ed") || Ends("ing")) && VowelInStem())) return;
            _k = _j;
            if (Ends("at")) SetTo("ate");
            else if (Ends("bl")) SetTo("ble");
            else if (Ends("iz")) SetTo("ize");
            else if (DoubleC(_k)) { if (_b[_k] is not ('l' or 's' or 'z')) _k--; }
            else { _j = _k; if (M() == 1 && Cvc(_k)) SetTo("e"); }
        }

        public void Step1C() { if (Ends("y") && VowelInStem()) _b[_k] = 'i'; }

        private static readonly (string From, string To)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string From, string To)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
            "ous", "ive", "ize",
        ];

        public void Step2()
        {
            if (_k < 1) return;
            foreach (var (from, to) in Step2Rules) if (Ends(from)) { R(to); return; }
        }

        public void Step3()
        {
            foreach (var (from, to) in Step3Rules) if (Ends(from)) { R(to); return; }
        }

        public void Step4()
        {
            if (_k < 1) return;
            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix)) continue;
                if (suffix == "ion" && !(_j >= 0 && _b[_j] is 's' or 't')) return;
                if (M() > 1) _k = _j;
                return;
            }
        }

        public void Step5()
        {
            _j = _k;
            if (_b[_k] == 'e')
            {
                var a = M();
                if (a > 1 || (a == 1 && !Cvc(_k - 1))) _k--;
            }
            if (_b[_k] == 'l' && DoubleC(_k)) { _j = _k; if (M() > 1) _k--; }
        }
    }
}
