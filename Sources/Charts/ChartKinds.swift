// Public data structs for each chart kind. Rendering lives in one file per kind.

/// Data for a bar chart: one bar per category, values may be ranges or open-ended, with optional markers.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        public var category: String
        public var value: ChartValue
        /// `#rgb` / `#rrggbb`; palette colour when nil or invalid.
        public var color: String?
        /// Optional reference value drawn as a tick across the bar, e.g. a stated claim.
        public var marker: Marker?

        public init(category: String, value: ChartValue, color: String? = nil, marker: Marker? = nil) {
            self.category = category
            self.value = value
            self.color = color
            self.marker = marker
        }
    }

    /// A reference value drawn as a tick with its own label (e.g. `stated: $18B`).
    public struct Marker: Sendable {
        public var value: Double
        public var label: String

        /// Non-finite values are drawn at zero (callers give none).
        public init(value: Double, label: String) {
            self.value = value.isFinite ? value : 0
            self.label = label
        }
    }

    public var bars: [Bar]
    public var orientation: Orientation
    public var sort: SortOrder
    /// Formats value-axis ticks.
    public var tickFormat: ValueFormatter
    /// Optional caption under the value axis, e.g. `GPU spend, US$`.
    public var axisTitle: String?

    public init(bars: [Bar], orientation: Orientation = .horizontal, sort: SortOrder = .none,
                tickFormat: @escaping ValueFormatter = plainNumberFormat, axisTitle: String? = nil) {
        self.bars = bars
        self.orientation = orientation
        self.sort = sort
        self.tickFormat = tickFormat
        self.axisTitle = axisTitle
    }
}

/// Data for stacked bars: series stacked within each category, with a legend and in-segment labels.
public struct StackedChart: Sendable {
    /// A stacked series (one colour in the legend).
    public struct Series: Sendable {
        public var name: String
        public var color: String?

        public init(name: String, color: String? = nil) {
            self.name = name
            self.color = color
        }
    }

    /// One segment of a stack; `label` is the caller's formatted value. The first `solid` of
    /// its length is drawn solid and the rest hatched, as bars draw a range or an "up to"
    /// value: a segment never looks more certain than its value.
    public struct Segment: Sendable {
        public var value: Double
        public var label: String
        /// How much of `value` is certain (drawn solid); `value` for a plain number.
        public var solid: Double

        public init(value: Double, label: String, solid: Double? = nil) {
            self.value = value
            self.label = label
            self.solid = min(max(0, solid ?? value), value)
        }

        /// A segment for `value`: as long as its high end, solid up to the end a bar draws
        /// solid (its low end for a range, nothing for an "up to" value).
        public init(_ value: ChartValue, label: String) {
            self.init(value: value.high, label: label, solid: value.solidEnd)
        }
    }

    /// One bar; `segments[i]` belongs to `series[i]` (nil or missing = nothing for that series).
    public struct Category: Sendable {
        public var name: String
        public var segments: [Segment?]
        /// Label drawn at the end of the bar, e.g. the formatted total.
        public var totalLabel: String?

        public init(name: String, segments: [Segment?], totalLabel: String? = nil) {
            self.name = name
            self.segments = segments
            self.totalLabel = totalLabel
        }
    }

    public var series: [Series]
    public var categories: [Category]
    public var orientation: Orientation
    public var tickFormat: ValueFormatter
    public var axisTitle: String?

    public init(series: [Series], categories: [Category], orientation: Orientation = .horizontal,
                tickFormat: @escaping ValueFormatter = plainNumberFormat, axisTitle: String? = nil) {
        self.series = series
        self.categories = categories
        self.orientation = orientation
        self.tickFormat = tickFormat
        self.axisTitle = axisTitle
    }
}

/// Data for a line chart: time series on a date axis with direct labels at the line ends.
public struct LineChart: Sendable {
    /// One observation.
    public struct Point: Sendable {
        public var date: ChartDate
        /// Caller's label for the date (table), e.g. `Oct 2025`.
        public var dateLabel: String
        public var value: Double
        /// Caller's formatted value, e.g. `800M`.
        public var label: String

        public init(date: ChartDate, dateLabel: String, value: Double, label: String) {
            self.date = date
            self.dateLabel = dateLabel
            self.value = value
            self.label = label
        }
    }

    /// One line.
    public struct Series: Sendable {
        public var name: String
        public var color: String?
        public var points: [Point]

        public init(name: String, color: String? = nil, points: [Point]) {
            self.name = name
            self.color = color
            self.points = points
        }
    }

    public var series: [Series]
    /// Formats value-axis (y) ticks.
    public var tickFormat: ValueFormatter
    /// Formats date-axis ticks.
    public var dateTickFormat: DateTickFormatter
    public var axisTitle: String?

    public init(series: [Series], tickFormat: @escaping ValueFormatter = plainNumberFormat,
                dateTickFormat: @escaping DateTickFormatter = ChartDate.defaultTickFormat, axisTitle: String? = nil) {
        self.series = series
        self.tickFormat = tickFormat
        self.dateTickFormat = dateTickFormat
        self.axisTitle = axisTitle
    }
}

/// Data for a timeline: dated events on a vertical date axis, circles sized (by area) by amount.
public struct TimelineChart: Sendable {
    /// One event.
    public struct Event: Sendable {
        public var date: ChartDate
        /// Caller's label for the date, e.g. `Sep 2025`.
        public var dateLabel: String
        public var title: String
        /// Sizes the circle (area ∝ amount); nil draws a small hollow dot.
        public var amount: ChartValue?
        public var color: String?

        public init(date: ChartDate, dateLabel: String, title: String, amount: ChartValue? = nil, color: String? = nil) {
            self.date = date
            self.dateLabel = dateLabel
            self.title = title
            self.amount = amount
            self.color = color
        }
    }

    public var events: [Event]
    public var dateTickFormat: DateTickFormatter

    public init(events: [Event], dateTickFormat: @escaping DateTickFormatter = ChartDate.defaultTickFormat) {
        self.events = events
        self.dateTickFormat = dateTickFormat
    }
}

/// Data for a money-flow diagram: companies in a column, investments as arcs on the left, purchases on the right.
public struct FlowChart: Sendable {
    /// A company.
    public struct Node: Sendable {
        /// Referenced by links; any string.
        public var id: String
        public var name: String
        public var color: String?

        public init(id: String, name: String, color: String? = nil) {
            self.id = id
            self.name = name
            self.color = color
        }
    }

    /// Which side a link is drawn on.
    public enum LinkKind: String, Sendable, Equatable {
        /// Equity investment: arcs on the left of the node column.
        case investment
        /// Purchase of chips, compute or cloud capacity: arcs on the right.
        case purchase
    }

    /// Money moving from one company to another (arrow points at the receiver).
    public struct Link: Sendable {
        public var from: String
        public var to: String
        public var kind: LinkKind
        /// Band width ∝ amount; nil when the deal has no amount in the chart's unit (drawn as a thin dashed line).
        public var amount: ChartValue?
        /// Extra words under the amount, e.g. `cloud contract, 7 years`; shown alone when `amount` is nil.
        public var note: String?

        public init(from: String, to: String, kind: LinkKind, amount: ChartValue?, note: String? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
            self.amount = amount
            self.note = note
        }
    }

    public var nodes: [Node]
    public var links: [Link]
    /// Legend wording for the left-hand arcs.
    public var investmentLegend: String
    /// Legend wording for the right-hand arcs.
    public var purchaseLegend: String

    public init(nodes: [Node], links: [Link], investmentLegend: String = "Investment",
                purchaseLegend: String = "Purchase, compute or cloud deal") {
        self.nodes = nodes
        self.links = links
        self.investmentLegend = investmentLegend
        self.purchaseLegend = purchaseLegend
    }
}

/// Data for a scale comparison: area-proportional squares or circles for a few values of one dimension.
public struct ScaleChart: Sendable {
    /// The mark shape.
    public enum Shape: Sendable, Equatable { case square, circle }

    /// One compared value.
    public struct Item: Sendable {
        public var name: String
        public var value: ChartValue
        public var color: String?

        public init(name: String, value: ChartValue, color: String? = nil) {
            self.name = name
            self.value = value
            self.color = color
        }
    }

    public var items: [Item]
    public var shape: Shape

    public init(items: [Item], shape: Shape = .square) {
        self.items = items
        self.shape = shape
    }
}

/// Data for a tornado chart: how far one figure moves as each of its inputs crosses its
/// range, the others held at their midpoints. One bar per input, from the figure's value at
/// the input's low end to its value at the high end, widest on top. Every word is the
/// caller's, in the page's language (the chart draws no text of its own).
public struct TornadoChart: Sendable {
    /// One input.
    public struct Bar: Sendable {
        /// The input's name and its value as written: `chips.h100.unit_price, $30k–40k`.
        public var input: String
        /// The figure with the input at its low end, and its label (`$10.5B`).
        public var atLow: Double
        public var atLowLabel: String
        /// The figure with the input at its high end, and its label.
        public var atHigh: Double
        public var atHighLabel: String
        /// The input's share of the spread, as the reader sees it (`91%`).
        public var shareLabel: String

        /// Non-finite values are drawn at zero (callers give none).
        public init(input: String, atLow: Double, atLowLabel: String, atHigh: Double, atHighLabel: String, shareLabel: String) {
            self.input = input
            self.atLow = atLow.isFinite ? atLow : 0
            self.atLowLabel = atLowLabel
            self.atHigh = atHigh.isFinite ? atHigh : 0
            self.atHighLabel = atHighLabel
            self.shareLabel = shareLabel
        }

        /// How far the figure moves across the input's range.
        public var width: Double { abs(atHigh - atLow) }
    }

    /// The column headers of the chart's table: input, value as written (part of `input`),
    /// figure at the low end, at the high end, share.
    public struct Columns: Sendable {
        public var input: String
        public var atLow: String
        public var atHigh: String
        public var share: String

        public init(input: String, atLow: String, atHigh: String, share: String) {
            self.input = input
            self.atLow = atLow
            self.atHigh = atHigh
            self.share = share
        }
    }

    /// In any order: drawn widest first (ties keep the caller's order).
    public var bars: [Bar]
    /// The figure with every input at its midpoint: the line the bars spread from.
    public var baseline: Double
    /// Drawn at the top of the baseline: `all at midpoints: $12.3B`.
    public var baselineLabel: String
    /// Legend of the two ends: the bar's part toward the low-end value (solid) and toward the high-end one (hatched).
    public var lowEndLegend: String
    public var highEndLegend: String
    public var columns: Columns
    /// The one-sentence summary for `<desc>`, in the page's language.
    public var summary: String
    public var tickFormat: ValueFormatter

    public init(bars: [Bar], baseline: Double, baselineLabel: String, lowEndLegend: String, highEndLegend: String,
                columns: Columns, summary: String, tickFormat: @escaping ValueFormatter = plainNumberFormat) {
        self.bars = bars
        self.baseline = baseline.isFinite ? baseline : 0
        self.baselineLabel = baselineLabel
        self.lowEndLegend = lowEndLegend
        self.highEndLegend = highEndLegend
        self.columns = columns
        self.summary = summary
        self.tickFormat = tickFormat
    }

    /// The bars as drawn: widest first, ties in the caller's order.
    public var sortedBars: [Bar] {
        bars.enumerated().sorted { a, b in
            a.element.width != b.element.width ? a.element.width > b.element.width : a.offset < b.offset
        }.map(\.element)
    }
}
