'use client';
// The dashboard's two charts (recharts, drawn in the browser). Each is a figure whose caption says what it shows and
// whose numbers are also in a visually hidden table: the SVG itself is hidden from screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardDay } from '@/lib/types';
import { kes } from '@/lib/format';

const INK = '#1b1f24';
const tick = { fill: INK, fontSize: 12 };
const shortDay = (day: string) => day.slice(5); // MM-DD
const legendText = (value: string) => <span style={{ color: INK }}>{value}</span>;

export function RevenueChart({ days }: { days: DashboardDay[] }) {
  const total = days.reduce((sum, d) => sum + d.revenueKES, 0);
  return (
    <figure className="chart" aria-labelledby="revenue-chart-title">
      <figcaption id="revenue-chart-title"><h3>Revenue per day</h3>
        <span className="muted">{kes(total)} over {days.length} {days.length === 1 ? 'day' : 'days'}</span></figcaption>
      <div className="chart-box" aria-hidden="true" data-chart="revenue">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={days} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} tick={tick} />
            <YAxis tick={tick} width={56} allowDecimals={false} />
            <Tooltip formatter={(v) => kes(Number(v))} labelFormatter={(l) => String(l)} />
            <Bar dataKey="revenueKES" name="Revenue (KES)" fill="#0b5cad" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="sr-only"><table>
        <caption>Revenue per day</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Revenue</th></tr></thead>
        <tbody>{days.map(d => <tr key={d.day}><th scope="row">{d.day}</th><td>{kes(d.revenueKES)}</td></tr>)}</tbody>
      </table></div>
    </figure>
  );
}

const OUTCOMES = [
  { key: 'paymentsCompleted', name: 'Completed', color: '#1a7f37' },
  { key: 'paymentsCancelled', name: 'Cancelled', color: '#bf8700' },
  { key: 'paymentsExpired', name: 'Expired', color: '#6e7781' },
  { key: 'paymentsFailed', name: 'Failed', color: '#b42318' },
] as const;

export function OutcomesChart({ days }: { days: DashboardDay[] }) {
  return (
    <figure className="chart" aria-labelledby="outcomes-chart-title">
      <figcaption id="outcomes-chart-title"><h3>Payment outcomes per day</h3></figcaption>
      <div className="chart-box" aria-hidden="true" data-chart="outcomes">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={days} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={shortDay} tick={tick} />
            <YAxis tick={tick} width={40} allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendText} />
            {OUTCOMES.map(o => <Bar key={o.key} dataKey={o.key} name={o.name} stackId="outcome" fill={o.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="sr-only"><table>
        <caption>Payment outcomes per day</caption>
        <thead><tr><th scope="col">Day</th>{OUTCOMES.map(o => <th scope="col" key={o.key}>{o.name}</th>)}</tr></thead>
        <tbody>{days.map(d => <tr key={d.day}><th scope="row">{d.day}</th>{OUTCOMES.map(o => <td key={o.key}>{d[o.key]}</td>)}</tr>)}</tbody>
      </table></div>
    </figure>
  );
}
