/*
 * The site's search worker: Material's own worker (the build names its file in the first line)
 * with a language analysis added to Lunr, set by the `analysis` object that the build writes into
 * each language's index (hooks/sitelib/search_languages.py). An index without it is searched
 * exactly as Material does.
 *
 * Material appends `*` to every query word for type-ahead, and Lunr skips its search pipeline for
 * such words, so a stemmer in the index alone never matches "refunds" to "refund". The analysis
 * therefore rewrites the query words after parsing, where Material reads them too (for the
 * "missing" words, the suggestion and the highlighting of the page opened from a result):
 *   - `suffixes`: the longest listed ending is cut off while `min_stem` characters remain
 *     (Korean particles: 환불을 looks for 환불*, and finds 환불하지 and 환불을);
 *   - `segment`: a word that starts no word of the index is split into the longest pieces that
 *     do (Korean compounds typed without a space: 해지수수료 looks for 해지* and 수수료*);
 *   - `stemmer`: the word becomes its stem, by Lunr's stemmer of the index language (rabatterne
 *     looks for rabat*); where a stem does not start its word (company, compani) the index also
 *     holds the stem, at the word's position, so that the word is still highlighted;
 *   - `stop_words`: a stop word among other words is looked up as itself, not as a prefix, so
 *     that "a" in "how to get a refund" does not match every word starting with "a";
 *   - `exact_boost`: each word as typed is also looked up as a whole word, with this weight, so
 *     that "kunde" ranks a section saying "kunde" above one saying "kundefastholdelse" (not for
 *     Korean, where a word as typed rarely stands without a particle in the text).
 */
(function () {
  "use strict"

  const stemmed = new WeakSet()
  let analysis = null
  let language = null
  let words = null
  let stemmer
  let stopWords

  // The settings come with the index in the set-up message: read them before Material does.
  self.addEventListener("message", function (event) {
    const data = event.data && event.data.data
    if (data && data.config && Array.isArray(data.docs)) {
      analysis = data.config.analysis || null
      language = data.config.lang.length === 1 ? data.config.lang[0] : null
      stemmer = stopWords = undefined
      words = null
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
    return words.some(function (word) { return word.startsWith(text) })
  }

  // Split a word that starts no indexed word into the longest pieces that do (at least two letters).
  function segment(word) {
    if (!analysis.segment || !words || starts(word))
      return [word]
    const pieces = []
    for (let rest = word; rest.length;) {
      let length = rest.length
      while (length > 1 && !starts(rest.slice(0, length)))
        length--
      if (length < 2)
        return [word]
      pieces.push(rest.slice(0, length))
      rest = rest.slice(length)
    }
    return pieces.map(cutSuffix)
  }

  // The forms a typed query word is looked up as (each then matched as a prefix).
  function analyze(word) {
    return segment(cutSuffix(word)).map(stem)
  }

  // Whether a query word is a stop word of the index language.
  function isStopWord(word) {
    return stopWords ? !stopWords(new lunr.Token(word, {})) : false
  }

  // Index: add the stem step to the pipeline of the index Material builds, and keep its words.
  const add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    resolve()
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
    const clauses = []
    for (const clause of query.clauses) {
      const word = clause.term.slice(0, -1)
      if (typed.indexOf(clause) < 0)
        clauses.push(clause)
      else if (typed.length > 1 && isStopWord(word))
        clauses.push(Object.assign(clause, { term: word, typed: word }))
      else
        for (const form of analyze(word))
          clauses.push(Object.assign({}, clause, { term: form + "*", typed: word }))
    }
    query.clauses = clauses
    return query
  }

  // Search: also look each typed word up as a whole word, with a higher weight.
  const search = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (fn) {
    return search.call(this, function (query) {
      fn.call(query, query)
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
  }
})()
