/*
 * The site's search worker: Material's own worker (the build names its file in the first line)
 * with a language analysis added to Lunr, set by the `analysis` object that the build writes into
 * each language's index (hooks/sitelib/search_languages.py). An index without it is searched
 * exactly as Material does. It is one file because a worker is one script: each more file would
 * be one more request when a reader opens search.
 *
 * Material appends `*` to every query word for type-ahead, and Lunr skips its search pipeline for
 * such words, so a stemmer in the index alone never matches "refunds" to "refund". The analysis
 * therefore rewrites the query words after parsing, where Material reads them too (for the
 * "missing" words, the suggestion and the highlighting of the page opened from a result):
 *   - `suffixes`: the longest listed ending is cut off while `min_stem` characters remain
 *     (Korean particles: 환불을 looks for 환불*, and finds 환불하지 and 환불을);
 *   - `segment`: a word that starts no word of the index is split into the longest pieces that
 *     do, each then a word of the query (Korean compounds typed without a space: 해지수수료 looks
 *     for 해지* and 수수료*, as 해지 수수료 does);
 *   - `stemmer`: the word becomes its stem, by Lunr's stemmer of the index language (rabatterne
 *     looks for rabat*); where a stem does not start its word (company, compani) the index also
 *     holds the stem, at the word's position, so that the word is still highlighted;
 *   - `stop_words`: a stop word among other words is looked up as itself, not as a prefix, so
 *     that "a" in "how to get a refund" does not match every word starting with "a" (with the
 *     words of `more_stop_words`, which the language's Lunr list lacks);
 *   - `exact_boost`: each word as typed is also looked up as a whole word, with this weight, so
 *     that "kunde" ranks a section saying "kunde" above one saying "kundefastholdelse" (not for
 *     Korean, where a word as typed rarely stands without a particle in the text);
 *   - `spacing`: the language writes its words with or without spaces (Korean, and the scripts
 *     written without them): variants are compared by their letters, spaces left out;
 *   - `synonyms`: [variant, preferred words] pairs (data/glossary.yml's avoided variants and
 *     data/search_synonyms.yml): typed words that form a variant are looked up as the preferred
 *     words instead (money back: refund; 위약금: 해지 수수료), and a one-word variant that the
 *     index holds too as itself as well; stop words typed inside a variant are skipped (koster det
 *     noget at opsige matches the variant "koster at opsige");
 *   - `segment` also joins two typed words that the index writes as one (고객 지원팀: 고객지원팀;
 *     kunde service: kundeservice, in languages that `decompound`, whose index also holds the
 *     parts of each compound, so that a part finds it);
 *   - `segmenter: "intl"`: the index's runs of a script written without spaces (Chinese, Thai)
 *     are cut into words by the browser's own word segmenter (Intl.Segmenter), through the hook
 *     Material's tokenizer gives Japanese's segmenter; so a word of a sentence is a word of the
 *     index, and `segment` can cut a typed compound into such words;
 *   - `typos`: a Latin-script or Korean word of at least this many letters that matches nothing
 *     is looked up as the words of the index one edit away, with a lower weight; Korean letters
 *     are the parts of a syllable (jamo), so 환블 is one edit from 환불, as discunt is from discount;
 *   - `coordination` and `score_floor`: which results are kept (see search_languages.py): when
 *     no section has every word of a query, the sections with the most of them; none for a
 *     query of stop words alone.
 *
 * The page starts this worker only when a reader opens search (overrides/partials/search-on-demand.html).
 */
(function () {
  "use strict"

  // Typo matches weigh less than the words as typed, and are few: a typo finds its word, not a crowd.
  const TYPO_WEIGHT = 0.5
  const MAX_TYPO_WORDS = 6
  // A variant of several words spans at most this many typed words.
  const MAX_VARIANT_WORDS = 4
  const LATIN_WORD = /^[a-z\u00c0-\u024f]+$/
  const HANGUL = /[\uac00-\ud7a3]/
  const KOREAN_WORD = /^[\uac00-\ud7a3]+$/
  // The letters that join the parts of a compound (fastholdelse-s-afdeling), as in search_languages.py.
  const LINKING_LETTERS = ["s", "e", "n"]
  // Scripts written without spaces between words, which `segmenter: "intl"` cuts into words.
  const NO_SPACES = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/
  const stemmed = new WeakSet()
  let analysis = null
  let language = null
  let words = null
  let wordLetters = null
  let synonyms = null
  let stemmer
  let stopWords

  // The settings come with the index in the set-up message: read them before Material does.
  self.addEventListener("message", function (event) {
    const data = event.data && event.data.data
    if (data && data.config && Array.isArray(data.docs)) {
      analysis = data.config.analysis || null
      language = data.config.lang.length === 1 ? data.config.lang[0] : null
      stemmer = stopWords = undefined
      words = wordLetters = synonyms = null
    }
  })

  // Material's worker: it loads Lunr and, when the index is set up, the language's Lunr support.
  importScripts(self.materialSearchWorker)
  const lunr = self.lunr

  // Look the language's stemmer and stop words up once Material has loaded its Lunr support.
  function resolve() {
    if (stemmer !== undefined)
      return
    const support = language === "en" ? lunr : language ? lunr[language] : null
    stemmer = analysis && analysis.stemmer && support && support.stemmer || null
    stopWords = analysis && analysis.stop_words && support && support.stopWordFilter || null
  }

  // The stem of a word, or the word itself when there is no stemmer.
  function stem(word) {
    return stemmer ? stemmer(new lunr.Token(word, {})).toString() || word : word
  }

  // Index pipeline: keep each word, and add its stem where the stem does not start the word.
  function indexStems(token) {
    const word = token.toString()
    const root = stem(word)
    return word.startsWith(root) ? token : [token, token.clone(function () { return root })]
  }
  lunr.Pipeline.registerFunction(indexStems, "site-index-stems")

  // Cut the longest listed ending off a word, keeping at least `min` characters.
  function cutSuffix(word) {
    const min = analysis.min_stem || 1
    for (const suffix of analysis.suffixes || [])
      if (word.length - suffix.length >= min && word.endsWith(suffix))
        return word.slice(0, -suffix.length)
    return word
  }

  // Whether some word of the index starts with the given text.
  function starts(text) {
    return !!words && words.some(function (word) { return word.startsWith(text) })
  }

  // Split a word that starts no indexed word, as it is or as its stem, into the longest pieces
  // that do, of `min_part` letters or more (two, where none is set), or that are shorter words
  // of the index as they are (tv in tvgebyr). A word one edit away from a word of the index is
  // that word misspelt rather than a compound (see `typos`).
  function segment(word) {
    if (!analysis.segment || !words || starts(word) || starts(stem(word)))
      return [word]
    if (typoMatches(word).length)
      return [word]
    const least = analysis.min_part || 2
    const pieces = []
    for (let rest = word; rest.length;) {
      let length = rest.length
      while (length >= least && !starts(rest.slice(0, length)))
        length--
      if (length < least) {
        length = least - 1
        while (length >= 2 && words.indexOf(rest.slice(0, length)) < 0)
          length--
        if (length < 2)
          return [word]
      }
      pieces.push(rest.slice(0, length))
      rest = rest.slice(length)
    }
    return pieces.map(cutSuffix)
  }

  // The forms a typed query word is looked up as (each then matched as a prefix).
  function analyze(word) {
    return segment(cutSuffix(word)).map(stem)
  }

  // Whether a query word is a stop word of the index language (or one the settings add).
  function isStopWord(word) {
    if (stopWords && (analysis.more_stop_words || []).indexOf(word) >= 0)
      return true
    return stopWords ? !stopWords(new lunr.Token(word, {})) : false
  }

  // The words of a phrase as the index splits them.
  function split(phrase) {
    return phrase.toLowerCase().split(lunr.tokenizer.separator).filter(Boolean)
  }

  // A typed word as variants are compared: ending cut, stemmed.
  function variantKey(word) {
    return stem(cutSuffix(word))
  }

  // The synonym table of the index: each variant's words (as compared) and its preferred words.
  function synonymTable() {
    if (synonyms)
      return synonyms
    synonyms = (analysis.synonyms || []).map(function (pair) {
      const typed = split(pair[0])
      const content = analysis.spacing ? typed : typed.filter(function (word) { return !isStopWord(word) })
      const keys = (content.length ? content : typed).map(variantKey)
      return { keys: keys, compact: keys.join(""), use: split(pair[1]) }
    }).filter(function (variant) { return variant.keys.length && variant.use.length })
    synonyms.sort(function (a, b) { return b.keys.length - a.keys.length || b.compact.length - a.compact.length })
    return synonyms
  }

  // How many typed words, from `start` on, a variant covers (0 when it does not match). Stop
  // words typed between its words are passed over (koster det noget at opsige: koster at
  // opsige). In languages written without fixed spaces (`spacing`), the variant's letters are
  // compared without spaces and its last word may carry an ending: 해지방어팀에 and 해지 방어팀
  // both match.
  function covers(variant, keys, start, words) {
    if (!analysis.spacing) {
      let next = start
      for (let k = 0; k < variant.keys.length; k++) {
        while (k > 0 && next < keys.length && keys[next] !== variant.keys[k] && isStopWord(words[next]))
          next++
        if (keys[next] !== variant.keys[k])
          return 0
        next++
      }
      return next - start
    }
    for (let count = 1, before = ""; count <= MAX_VARIANT_WORDS && start + count <= keys.length; count++) {
      const text = before + keys[start + count - 1]
      if (before.length >= variant.compact.length)
        return 0
      if (text.startsWith(variant.compact))
        return count
      if (!variant.compact.startsWith(text))
        return 0
      before = text
    }
    return 0
  }

  // The words to look up: the typed words, with each variant replaced by its preferred words.
  function withSynonyms(typed) {
    const words = typed.map(function (clause) { return clause.term.slice(0, -1) })
    const keys = words.map(variantKey)
    const table = synonymTable()
    const looked = []
    for (let start = 0; start < words.length;) {
      let count = 0
      let variant = null
      for (const candidate of table) {
        count = covers(candidate, keys, start, words)
        if (count) {
          variant = candidate
          break
        }
      }
      if (variant) {
        // A one-word variant the index holds too is also looked up as itself (see `parse`).
        const group = { variant: count === 1 ? words[start] : null }
        for (const word of variant.use)
          looked.push({ word: word, clause: typed[start], synonym: true, group: group })
        start += count
      } else {
        looked.push({ word: words[start], clause: typed[start], synonym: false })
        start += 1
      }
    }
    return looked
  }

  // Two typed words that the index writes as one, in `segment` languages: Korean words (고객
  // 지원팀: 고객지원팀), and in languages that write compounds as one word, two words joined
  // as they are or with a linking letter (kunde service: kundeservice; fastholdelse afdeling:
  // fastholdelsesafdeling).
  function joined(word, next) {
    if (!analysis.segment || !words)
      return []  // neither a language without fixed spaces nor one of compounds
    const hangul = analysis.spacing && HANGUL.test(word) && HANGUL.test(next)
    if (!hangul && !(analysis.decompound && LATIN_WORD.test(word) && LATIN_WORD.test(next)))
      return []
    const forms = hangul ? [cutSuffix(word + next)]
      : [word + next].concat(LINKING_LETTERS.map(function (letter) { return word + letter + next }))
    // A join keeps something of the second word: 어떻게 해야 cut to 어떻게 is no compound.
    return forms.filter(function (form) { return form.length > word.length && starts(form) }).slice(0, 1)
  }

  // Whether one edit (a letter added, dropped, changed, or two neighbours swapped) turns a into b.
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1)
      return false
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i])
      i++
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1)
        || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
  }

  // A Korean word as the letters (jamo) of its syllables: 불 is ㅂ, ㅜ, ㄹ, and 블 is ㅂ, ㅡ, ㄹ.
  function jamo(word) {
    let letters = ""
    for (const char of word) {
      const syllable = char.charCodeAt(0) - 0xac00
      if (syllable < 0 || syllable >= 11172) {
        letters += char
        continue
      }
      letters += String.fromCharCode(0x1100 + Math.floor(syllable / 588), 0x1161 + Math.floor(syllable % 588 / 28))
      if (syllable % 28)
        letters += String.fromCharCode(0x11a7 + syllable % 28)
    }
    return letters
  }

  // The index's words as Korean letters, spelt once per index, when a Korean word first needs them.
  function indexLetters() {
    if (!wordLetters)
      wordLetters = words.map(jamo)
    return wordLetters
  }

  // Words of the index one edit away from a Latin-script or Korean word (or its stem, or for
  // Korean the word without its ending) that matched nothing, whole or as the start of a longer
  // word (retensio: retention; 환블: 환불을).
  function typoMatches(word) {
    const korean = KOREAN_WORD.test(word)
    if (!analysis.typos || !words || !(korean || LATIN_WORD.test(word)))
      return []
    const forms = (korean ? [word, cutSuffix(word)].map(jamo) : [word, stem(word)])
      .filter(function (form) { return form.length >= analysis.typos })
    const spellings = korean ? indexLetters() : words
    const found = []
    for (let position = 0; position < words.length; position++) {
      const letters = spellings[position]
      const near = forms.some(function (form) {
        for (let length = form.length - 1; length <= form.length + 1; length++)
          if (length <= letters.length && withinOneEdit(form, letters.slice(0, length)))
            return true
        return false
      })
      if (near)
        found.push(words[position])
      if (found.length === MAX_TYPO_WORDS)
        break
    }
    return found
  }

  // Which of the query's words (each a list of the forms it is looked up as) a result matches.
  function covered(result, concepts) {
    const terms = Object.keys(result.matchData.metadata)
    return concepts.map(function (forms) {
      return forms.some(function (form) {
        return form.endsWith("*")
          ? terms.some(function (term) { return term.startsWith(form.slice(0, -1)) })
          : terms.indexOf(form) >= 0
      })
    })
  }

  // Keep the results that match all of the query's words for a query of one or two words, all
  // but one for a longer query, so that one word of many a section lacks does not hide it; a
  // section matching fewer is noise, however high a title naming one word scores. A word no
  // section matches (a number the index leaves out, a word the guide does not use) is not asked
  // for. Where no section has them all, the sections with the most of them are kept: one word
  // that matters still finds its section.
  function coordinated(matches, concepts) {
    const found = concepts.filter(function (_, word) {
      return matches.some(function (match) { return match.words[word] })
    }).length
    const most = Math.max.apply(null, [0].concat(matches.map(function (match) { return match.count })))
    const least = Math.min(found > 2 ? found - 1 : found, most)
    if (least === 0)
      return []  // nothing but stop words, or words no section has
    return matches.filter(function (match) { return match.count >= least })
  }

  // Keep the results scoring at least `score_floor` of the best result matching as many of the
  // query's words or more: a section merely mentioning the words next to sections about them is
  // left out, but a title naming fewer of the words (Material weighs a title 1000 times the
  // text) does not push out the sections matching more of them.
  function aboveFloor(matches) {
    return matches.filter(function (match) {
      const best = Math.max.apply(null, matches.filter(function (other) {
        return other.count >= match.count
      }).map(function (other) { return other.result.score }))
      return match.result.score >= best * analysis.score_floor
    })
  }

  // The word segmenter Material's tokenizer calls for a run of text (it calls Japanese's for
  // runs of kanji and kana): the browser's own, for the index language, where it has one.
  function intlSegmenter() {
    if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function")
      return undefined
    const words = new Intl.Segmenter(language || undefined, { granularity: "word" })
    return {
      ctype_: function (text) { return NO_SPACES.test(text) ? "K" : "O" },
      // Every piece, so that the positions Material counts from their lengths stay the text's.
      segment: function (text) {
        return Array.from(words.segment(text), function (piece) { return piece.segment })
      }
    }
  }

  // Index: add the stem step to the pipeline of the index Material builds, and keep its words.
  const add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    resolve()
    if (analysis && analysis.segmenter === "intl" && !(lunr.segmenter && lunr.segmenter.site))
      lunr.segmenter = Object.assign(intlSegmenter() || {}, { site: true })
    if (stemmer && !stemmed.has(this)) {
      stemmed.add(this)
      this.pipeline.add(indexStems)
    }
    return add.call(this, doc, attributes)
  }
  const build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    const index = build.call(this)
    words = Object.keys(index.invertedIndex)
    wordLetters = null
    return index
  }

  // Query: rewrite the words Material marked with a trailing `*` (see above).
  const parse = lunr.QueryParser.prototype.parse
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this)
    if (!analysis)
      return query
    resolve()
    const typed = query.clauses.filter(function (clause) {
      return clause.usePipeline === false && /^[^*].*\*$/.test(clause.term)
    })
    const looked = withSynonyms(typed)
    const clauses = query.clauses.filter(function (clause) { return typed.indexOf(clause) < 0 })
    const concepts = looked.map(function () { return [] })
    // A variant the text says as well (the text changed, or a word has two senses) still finds
    // the sections saying it: they count as matching the preferred words it stands for.
    const variantForms = new Map()
    for (const entry of looked) {
      const group = entry.group
      if (!group || !group.variant || variantForms.has(group))
        continue
      const forms = analyze(group.variant).filter(starts)
      variantForms.set(group, forms)
      for (const form of forms)
        clauses.push(Object.assign({}, entry.clause, { term: form + "*", typed: group.variant }))
    }
    looked.forEach(function (entry, position) {
      const word = entry.word
      const template = entry.clause
      const next = looked[position + 1]
      if (next && !entry.synonym && !next.synonym)
        for (const form of joined(word, next.word)) {
          clauses.push(Object.assign({}, template, { term: form + "*", typed: null, boost: template.boost * 2 }))
          concepts[position].push(form + "*")
          concepts[position + 1].push(form + "*")
        }
      if (looked.length > 1 && isStopWord(word)) {
        clauses.push(Object.assign({}, template, { term: word, typed: word, presence: lunr.Query.presence.OPTIONAL }))
        // A stop word need not be matched, unless the text writes it as one word with its
        // neighbour (가입 했어요: 가입했어요).
        if (concepts[position].length)
          concepts[position].push(word)
        else
          concepts[position] = null
        return
      }
      const forms = analyze(word)
      forms.forEach(function (form, piece) {
        clauses.push(Object.assign({}, template, { term: form + "*", typed: word }))
        // Each piece of a compound split by `segment` is a word the sections must match.
        if (piece > 0)
          concepts.push([])
        concepts[piece > 0 ? concepts.length - 1 : position].push(form + "*")
      })
      for (const form of variantForms.get(entry.group) || [])
        concepts[position].push(form + "*")
      if (!forms.some(starts))
        for (const near of typoMatches(word)) {
          clauses.push(Object.assign({}, template, {
            term: near, typed: null, boost: template.boost * TYPO_WEIGHT, wildcard: lunr.Query.wildcard.NONE
          }))
          concepts[position].push(near)
        }
    })
    query.clauses = clauses
    query.concepts = concepts.filter(Boolean)
    return query
  }

  // Search: also look each typed word up as a whole word, with a higher weight.
  const search = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    let concepts = null
    const results = search.call(this, function (query) {
      fn.call(query, query)
      concepts = query.concepts || null
      if (!analysis || !analysis.exact_boost)
        return
      const exact = new Set()
      for (const clause of query.clauses.slice())
        if (clause.typed && clause.term !== clause.typed && !exact.has(clause.typed)) {
          exact.add(clause.typed)
          query.clauses.push(Object.assign({}, clause, {
            term: clause.typed, typed: null, boost: clause.boost * analysis.exact_boost,
            presence: lunr.Query.presence.OPTIONAL
          }))
        }
    })
    if (!analysis || !concepts)
      return results
    // Each result with the number of the query's words it matches.
    let matches = results.map(function (result) {
      const words = covered(result, concepts)
      return { result: result, words: words, count: words.filter(Boolean).length }
    })
    if (analysis.coordination)
      matches = coordinated(matches, concepts)
    if (analysis.score_floor)
      matches = aboveFloor(matches)
    return matches.map(function (match) { return match.result })
  }
})()
