import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Circle } from '../../../common/circle-schemas.ts';
import type { Closeness, Tie } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CLIENT_R, FONT, NODE_R, layoutEcomap, zigzagPath, type LayoutNode } from './ecomap-layout.ts';
import { codeLabels, fullName, groupOf, initials, lc, relationOf, type CircleMember } from './labels.ts';
import { MemberDetailsPanel } from './MemberDetails.tsx';
import './circle.css';
import { Paragraph } from '../ui.tsx';

type Group = 'informal' | 'volunteer' | 'professional';

/** The shape of a node: the second cue next to the colour. */
function NodeShape({ group, r = NODE_R, className }: { group: Group; r?: number; className?: string }) {
  if (group === 'volunteer') {
    const d = r * 1.2;
    return <polygon className={className} points={`0,${-d} ${d},0 0,${d} ${-d},0`} />;
  }
  if (group === 'professional') {
    const s = r * 0.92;
    return <rect className={className} x={-s} y={-s} width={2 * s} height={2 * s} rx={4} />;
  }
  return <circle className={className} r={r} />;
}

/** A line from the client to a member, styled by the tie. */
function TieLine({ node, className }: { node: LayoutNode; className?: string }) {
  const tie = node.member.details?.tie;
  if (!tie || !node.ring) return null;
  const length = Math.hypot(node.x, node.y);
  const ux = node.x / length;
  const uy = node.y / length;
  const x1 = ux * CLIENT_R;
  const y1 = uy * CLIENT_R;
  const x2 = node.x - ux * (NODE_R + 2);
  const y2 = node.y - uy * (NODE_R + 2);
  const cls = `mk-ecomap__tie mk-ecomap__tie--${tie}${className ? ` ${className}` : ''}`;
  if (tie === 'strained') return <path className={cls} d={zigzagPath(x1, y1, x2, y2)} />;
  return <line className={cls} x1={x1} y1={y1} x2={x2} y2={y2} />;
}

/** A small sample of a tie line, for the legend. */
export function TieSample({ tie }: { tie: Tie }) {
  return (
    <svg className="mk-ecomap-legend__sample" viewBox="0 0 64 20" width="64" height="20" aria-hidden="true" focusable="false">
      {tie === 'strained' ? <path className={`mk-ecomap__tie mk-ecomap__tie--${tie}`} d={zigzagPath(2, 10, 62, 10, 5, 12)} /> : <line className={`mk-ecomap__tie mk-ecomap__tie--${tie}`} x1={2} y1={10} x2={62} y2={10} />}
    </svg>
  );
}

/** A small sample of a node shape, for the legend. */
export function ShapeSample({ group, main }: { group: Group; main?: boolean }) {
  return (
    <svg className="mk-ecomap-legend__sample" viewBox="-32 -32 64 64" width="28" height="28" aria-hidden="true" focusable="false">
      {main && <circle className="mk-ecomap__main-ring" r={30} />}
      <NodeShape group={group} className={`mk-ecomap__shape mk-ecomap__shape--${group}`} r={main ? 22 : 24} />
    </svg>
  );
}

export function EcomapLegend({ clientName }: { clientName: string }) {
  const { t } = useI18n();
  const c = t.circle;
  const groups: Group[] = ['informal', 'volunteer', 'professional'];
  return (
    <div className="mk-ecomap-legend">
      <h3 className="utrecht-heading-3 mk-ecomap-legend__title">{c.map.legendTitle}</h3>
      <div className="mk-ecomap-legend__columns">
        <div>
          <p className="utrecht-paragraph mk-ecomap-legend__heading">{c.map.legendGroups}</p>
          <ul className="mk-ecomap-legend__list">
            {groups.map((g) => (
              <li key={g}>
                <ShapeSample group={g} />
                <span>
                  {c.groups[g]} <span className="mk-muted">({c.map.shapes[g]})</span>
                </span>
              </li>
            ))}
            <li>
              <ShapeSample group="informal" main />
              <span>{c.map.mainCaregiver}</span>
            </li>
          </ul>
        </div>
        <div>
          <p className="utrecht-paragraph mk-ecomap-legend__heading">{c.map.legendTies}</p>
          <ul className="mk-ecomap-legend__list">
            {(['strong', 'weak', 'strained'] as const).map((tie) => (
              <li key={tie}>
                <TieSample tie={tie} />
                <span>
                  {c.ties[tie]} <span className="mk-muted">({c.map.tieLooks[tie]})</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <p className="utrecht-paragraph mk-ecomap-legend__heading">{c.map.legendRings}</p>
          <Paragraph>{c.map.ringsText(clientName)}</Paragraph>
        </div>
      </div>
    </div>
  );
}

/** The accessible name of a node: "Piet de Vries, zoon, middelste kring, sterke band". */
export function nodeName(member: CircleMember, t: ReturnType<typeof useI18n>['t'], labels: ReturnType<typeof codeLabels>): string {
  const parts = [fullName(member)];
  if (member.isMe) parts[0] = `${parts[0]} (${t.circle.map.me})`;
  parts.push(lc(relationOf(member, labels)));
  if (member.isMainCaregiver) parts.push(t.circle.map.mainShort);
  const d = member.details;
  if (d) {
    parts.push(lc(t.circle.closeness[d.closeness as Closeness]));
    parts.push(lc(t.circle.ties[d.tie as Tie]));
  }
  return parts.join(', ');
}

/**
 * The ecomap (netwerkkaart): the client in the centre, the people around on three rings by
 * closeness, coloured and shaped by group, with a line per tie. Every person is a button
 * (roving tabindex: Tab enters the map, arrow keys move, Enter or Space selects).
 * Without `onSelectMember` the map keeps its own selection and shows the details below.
 */
export function Ecomap(props: { circle: Circle; selectedMemberId?: string | null; onSelectMember?: (memberId: string) => void }) {
  const { circle, onSelectMember } = props;
  const { t, locale } = useI18n();
  const c = t.circle;
  const labels = useMemo(() => codeLabels(locale), [locale]);
  const clientName = fullName(circle.client);
  const layout = useMemo(() => layoutEcomap(circle.members, clientName, c.closeness), [circle.members, clientName, c.closeness]);
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const controlled = onSelectMember !== undefined;
  const selected = controlled ? (props.selectedMemberId ?? null) : ownSelection;
  const select = (id: string) => (controlled ? onSelectMember(id) : setOwnSelection((current) => (current === id ? null : id)));
  const [active, setActive] = useState<string | null>(null);
  const [zoomed, setZoomed] = useState(false);
  const refs = useRef(new Map<string, SVGGElement>());
  const frameRef = useRef<HTMLDivElement>(null);
  // Where the map is wider than the screen (phone, larger map): start with the client in view.
  useEffect(() => {
    const frame = frameRef.current;
    if (frame && frame.scrollWidth > frame.clientWidth) frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2;
    if (frame && frame.scrollHeight > frame.clientHeight) frame.scrollTop = (frame.scrollHeight - frame.clientHeight) / 2;
  }, [zoomed]);
  const titleId = useId();
  const descId = useId();
  const nodes = layout.nodes;
  // The node that Tab lands on: the last one used, else the selected one, else the first.
  const tabStop = nodes.some((n) => n.member.id === active) ? active : nodes.some((n) => n.member.id === selected) ? selected : (nodes[0]?.member.id ?? null);

  const move = (from: number, to: number) => {
    const target = nodes[(to + nodes.length) % nodes.length];
    if (!target || from === to) return;
    setActive(target.member.id);
    refs.current.get(target.member.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, index: number, id: string) => {
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        event.preventDefault();
        move(index, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        event.preventDefault();
        move(index, index - 1);
        break;
      case 'Home':
        event.preventDefault();
        move(index, 0);
        break;
      case 'End':
        event.preventDefault();
        move(index, nodes.length - 1);
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        select(id);
        break;
      default:
    }
  };

  const vb = layout.viewBox;
  const selectedMember = circle.members.find((m) => m.id === selected) ?? null;
  return (
    <div className="mk-ecomap">
      <div className="mk-ecomap__tools mk-no-print">
        <p className="utrecht-paragraph mk-ecomap__help" id={descId}>
          {c.map.summary(circle.members.length)} {circle.members.length > 0 && c.map.keyboard}
        </p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action mk-ecomap__zoom" aria-pressed={zoomed} onClick={() => setZoomed((z) => !z)}>
          {c.map.zoom}
        </button>
      </div>
      <div ref={frameRef} className={`mk-ecomap__frame${zoomed ? ' mk-ecomap__frame--zoomed' : ''}`}>
        <svg
          className="mk-ecomap__svg"
          viewBox={`${vb.x.toFixed(0)} ${vb.y.toFixed(0)} ${vb.w.toFixed(0)} ${vb.h.toFixed(0)}`}
          style={zoomed ? { inlineSize: `max(160%, ${Math.round(vb.w)}px)`, minInlineSize: `${Math.round(vb.w)}px` } : undefined}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={descId}
          data-testid="ecomap"
        >
          <title id={titleId}>{c.map.title(clientName)}</title>
          <g aria-hidden="true">
            {layout.rings.map((ring) => (
              <circle key={ring.ring} className={`mk-ecomap__ring mk-ecomap__ring--${ring.ring}`} r={ring.r} />
            ))}
            {nodes.map((node) => (
              <TieLine key={node.member.id} node={node} className={node.member.id === selected ? 'mk-ecomap__tie--selected' : undefined} />
            ))}
            {layout.rings.map((ring) =>
              ring.label ? (
                <text key={ring.ring} className="mk-ecomap__ring-label" x={ring.label.x} y={ring.label.y} textAnchor="middle">
                  {ring.label.text}
                </text>
              ) : null,
            )}
            <circle className="mk-ecomap__client" r={CLIENT_R} />
            <text className="mk-ecomap__client-initials" y={9} textAnchor="middle">
              {initials(circle.client)}
            </text>
            <text className="mk-ecomap__label mk-ecomap__label--client" x={layout.clientLabel.x} y={layout.clientLabel.y} textAnchor="middle">
              {layout.clientLabel.text}
            </text>
          </g>
          {nodes.map((node, index) => {
            const m = node.member;
            const group = groupOf(m.kind);
            const isSelected = m.id === selected;
            const name = nodeName(m, t, labels);
            return (
              <g
                key={m.id}
                ref={(el) => {
                  if (el) refs.current.set(m.id, el);
                  else refs.current.delete(m.id);
                }}
                className={`mk-ecomap__node mk-ecomap__node--${group}${isSelected ? ' mk-ecomap__node--selected' : ''}${node.ring ? '' : ' mk-ecomap__node--unknown'}`}
                transform={`translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`}
                role="button"
                tabIndex={m.id === tabStop ? 0 : -1}
                aria-label={name}
                aria-pressed={isSelected}
                data-member-id={m.id}
                onKeyDown={(event) => onKeyDown(event, index, m.id)}
                onFocus={() => setActive(m.id)}
                onClick={() => select(m.id)}
              >
                <title>{name}</title>
                <circle className="mk-ecomap__focus" r={NODE_R + 13} />
                {m.isMainCaregiver && <circle className="mk-ecomap__main-ring" r={NODE_R + 6} />}
                <NodeShape group={group} className={`mk-ecomap__shape mk-ecomap__shape--${group}`} />
                <text className="mk-ecomap__initials" y={6} textAnchor="middle" aria-hidden="true">
                  {initials(m)}
                </text>
              </g>
            );
          })}
          <g aria-hidden="true">
            {nodes.map((node) => (
              <text
                key={node.member.id}
                className={`mk-ecomap__label${node.member.id === selected ? ' mk-ecomap__label--selected' : ''}`}
                x={node.label.x.toFixed(1)}
                y={node.label.y.toFixed(1)}
                textAnchor="middle"
                fontSize={FONT}
                onClick={() => select(node.member.id)}
              >
                {node.label.text}
              </text>
            ))}
          </g>
        </svg>
      </div>
      {zoomed && <p className="utrecht-paragraph mk-muted mk-no-print">{c.map.zoomHint}</p>}
      <EcomapLegend clientName={clientName} />
      {!controlled && selectedMember && <MemberDetailsPanel member={selectedMember} />}
    </div>
  );
}
