import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';

/**
 * Charts drawn with visx (SVG: crisp in print, styled by CSS, no canvas). Each is an image with
 * a text alternative that points to the table beside it, which carries every figure; a hidden
 * figure is drawn as what the reader may see of it and labelled as in the table ("<5", "•").
 */
export interface ChartDatum {
  label: string;
  value: number;
  text: string;
  /** Drawn hatched: part of the figure is hidden. */
  partial?: boolean;
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 20, right: 12, bottom: 76, left: 64 };

interface ChartProps {
  data: readonly ChartDatum[];
  /** The accessible name: what the chart shows, and that the table has the figures. */
  label: string;
  /** The id of the table with the same figures. */
  tableId?: string;
  testId?: string;
}

function Frame({ label, tableId, testId, children }: Omit<ChartProps, 'data'> & { children: React.ReactNode }) {
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} aria-describedby={tableId} data-testid={testId} preserveAspectRatio="xMidYMid meet">
      <defs>
        <pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="chart-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch-line" strokeWidth="3" />
        </pattern>
      </defs>
      {children}
    </svg>
  );
}

const shortLabel = (text: string) => (text.length > 14 ? `${text.slice(0, 13)}…` : text);

export function BarChart({ data, label, tableId, testId }: ChartProps) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, innerWidth], padding: 0.25 });
  const y = scaleLinear<number>({ domain: [0, Math.max(1, ...data.map((d) => d.value))], range: [innerHeight, 0], nice: true });
  return (
    <Frame label={label} tableId={tableId} testId={testId}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => String(v)} tickClassName="chart-tick" stroke="currentColor" tickStroke="currentColor" />
        {data.map((d) => {
          const barX = x(d.label) ?? 0;
          const barY = y(d.value);
          return (
            <g key={d.label}>
              <Bar x={barX} y={barY} width={x.bandwidth()} height={innerHeight - barY} className={d.partial ? 'chart-bar chart-bar-partial' : 'chart-bar'} />
              <text x={barX + x.bandwidth() / 2} y={barY - 4} textAnchor="middle" className="chart-value">
                {d.text}
              </text>
            </g>
          );
        })}
        <AxisBottom top={innerHeight} scale={x} tickFormat={shortLabel} tickClassName="chart-tick" stroke="currentColor" tickStroke="currentColor" tickLabelProps={{ angle: -30, textAnchor: 'end', fontSize: 11 }} />
      </Group>
    </Frame>
  );
}

export function LineChart({ data, label, tableId, testId, max }: ChartProps & { max?: number }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: data.map((d) => d.label), range: [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, max ?? Math.max(1, ...data.map((d) => d.value))], range: [innerHeight, 0], nice: true });
  const shown = data.filter((d) => !d.partial);
  const at = (d: ChartDatum) => (x(d.label) ?? 0) + x.bandwidth() / 2;
  return (
    <Frame label={label} tableId={tableId} testId={testId}>
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={4} tickClassName="chart-tick" stroke="currentColor" tickStroke="currentColor" />
        <LinePath data={shown} x={at} y={(d) => y(d.value)} className="chart-line" />
        {shown.map((d) => (
          <g key={d.label}>
            <circle cx={at(d)} cy={y(d.value)} r={4} className="chart-point" />
            <text x={at(d)} y={y(d.value) - 8} textAnchor="middle" className="chart-value">
              {d.text}
            </text>
          </g>
        ))}
        <AxisBottom top={innerHeight} scale={x} tickFormat={shortLabel} tickClassName="chart-tick" stroke="currentColor" tickStroke="currentColor" tickLabelProps={{ angle: -30, textAnchor: 'end', fontSize: 11 }} />
      </Group>
    </Frame>
  );
}
