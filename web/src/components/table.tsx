// NHS.UK tables: responsive (rows stack into cards on a phone) or scrolling (keyboard-focusable region).
import type { ReactNode } from 'react';

interface TableProps {
  caption: ReactNode;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  numeric?: number[];
}

export function ResponsiveTable({ caption, headers, rows }: TableProps) {
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>{headers.map((header) => <th key={header} scope="col" className="nhsuk-table__header">{header}</th>)}</tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr key={row.key} className="nhsuk-table__row">
            {row.cells.map((cell, index) => (
              <td key={index} className="nhsuk-table__cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">{headers[index]} </span>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScrollingTable({ id, caption, headers, rows, numeric = [] }: TableProps & { id: string }) {
  const numericClass = (index: number) => (numeric.includes(index) ? ' nhsuk-table__cell--numeric' : '');
  return (
    <div className="nhsuk-scroll">
      <div className="nhsuk-scroll__content" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m" id={`${id}-caption`}>{caption}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {headers.map((header, index) => (
                <th key={header} scope="col" className={`nhsuk-table__header${numeric.includes(index) ? ' nhsuk-table__header--numeric' : ''}`}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={row.key} className="nhsuk-table__row">
                {row.cells.map((cell, index) => (
                  index === 0
                    ? <th key={index} scope="row" className="nhsuk-table__header">{cell}</th>
                    : <td key={index} className={`nhsuk-table__cell${numericClass(index)}`}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
