"use client";

import { startTransition, useActionState, useOptimistic, useState, type DragEvent } from "react";
import { GadgetItem, type GadgetActions } from "@/components/dashboard/layout/gadget-item";
import type { PhotoChoice } from "@/components/dashboard/layout/gadget-fields";
import { Button } from "@/components/ui/button";
import { noticeClass } from "@/components/ui/notice";
import { addGadgetAction, moveGadgetAction, removeGadgetAction, reorderGadgetsAction, saveGadgetAction } from "@/lib/actions/dashboard/layout";
import type { FormState } from "@/lib/action-state";
import type { Layout } from "@/lib/gadgets/store";
import { GADGET_AREA_NAMES, GADGET_AREAS, GADGET_KIND_NAMES, GADGET_KINDS, type GadgetAreaName } from "@/lib/validation/gadgets";
import styles from "./layout.module.css";

type Answer = Pick<FormState<string>, "ok" | "message" | "errors" | "values">;

/** A drop: the area's gadgets in their new order, sent whole so the server can tell a stale page. */
const reorder = async (_previous: Answer | null, order: { area: GadgetAreaName; ids: string[] }): Promise<Answer> => reorderGadgetsAction(order);

/** `ids` with `moved` put where `target` is (before it when moving up, after it when moving down). */
function placed(ids: string[], moved: string, target: string): string[] {
  const from = ids.indexOf(moved);
  const to = ids.indexOf(target);
  const rest = ids.filter((id) => id !== moved);
  rest.splice(to, 0, moved);
  return from === to ? ids : rest;
}

/**
 * The Layout page: both areas in order, each gadget with its moves, settings and removal, and a
 * drag-and-drop order for a mouse. The forms' actions are the server actions themselves, so every
 * form also posts without JavaScript (the answer then comes back as `flashed`). Every answer is
 * spoken in one live region.
 */
export function LayoutEditor({ layout, photos, flashed }: { layout: Layout; photos: PhotoChoice[]; flashed: Answer | null }) {
  const [added, add, adding] = useActionState(addGadgetAction, null);
  const [saved, save, saving] = useActionState(saveGadgetAction, null);
  const [removed, remove, removing] = useActionState(removeGadgetAction, null);
  const [moved, move, moving] = useActionState(moveGadgetAction, null);
  const [dropped, drop, dropping] = useActionState(reorder, null);
  const [order, setOrder] = useOptimistic(layout);
  const [dragged, setDragged] = useState<string | null>(null);

  // The answer spoken is the newest one: whichever state changed since the last render.
  const answers = [added, saved, removed, moved, dropped];
  const [seen, setSeen] = useState(answers);
  const [latest, setLatest] = useState<Answer | null>(flashed);
  const changed = answers.findIndex((answer, index) => answer !== seen[index]);
  if (changed >= 0) {
    setSeen(answers);
    setLatest(answers[changed] ?? null);
  }

  const actions: GadgetActions = { save, remove, move, pending: adding || saving || removing || moving || dropping };
  const errorsOf = (id: string) => (latest && !latest.ok && latest.errors && latest.values?.id === id ? (latest.errors as Record<string, string[] | undefined>) : undefined);

  const dropOn = (area: GadgetAreaName, target: string) => (event: DragEvent) => {
    event.preventDefault();
    setDragged(null);
    // The drag's own data says what was dragged: a drop may come before the page re-rendered for its start.
    const draggedId = event.dataTransfer.getData("text/plain");
    const ids = order[area].map((gadget) => gadget.id);
    if (draggedId === target || !ids.includes(draggedId)) return;
    const next = placed(ids, draggedId, target);
    startTransition(() => {
      setOrder({ ...order, [area]: next.map((id) => order[area].find((gadget) => gadget.id === id)!) });
      drop({ area, ids: next });
    });
  };

  return (
    <>
      <p aria-live="polite" role="status" className={latest?.message ? `${styles.status} ${noticeClass(latest.ok ? "success" : "error")}` : styles.status}>
        {latest?.message}
      </p>
      <form action={add} className={styles.add}>
        <h2>Add a gadget</h2>
        <label htmlFor="new-gadget-kind">Kind</label>
        <select id="new-gadget-kind" name="kind" defaultValue="TEXT">
          {GADGET_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {GADGET_KIND_NAMES[kind]}
            </option>
          ))}
        </select>
        <label htmlFor="new-gadget-area">Where</label>
        <select id="new-gadget-area" name="area" defaultValue="SIDEBAR">
          {GADGET_AREAS.map((area) => (
            <option key={area} value={area}>
              {`The ${GADGET_AREA_NAMES[area]}`}
            </option>
          ))}
        </select>
        <Button type="submit" intent="primary" disabled={actions.pending}>
          Add gadget
        </Button>
      </form>
      <div className={styles.areas}>
        {GADGET_AREAS.map((area) => (
          <section key={area} aria-labelledby={`area-${area}`} className={styles.area}>
            <h2 id={`area-${area}`}>{area === "SIDEBAR" ? "Sidebar" : "Footer"}</h2>
            <p className={styles.hint}>Top to bottom as readers see it. Drag a gadget by its box to reorder, or use its buttons.</p>
            {order[area].length === 0 ? (
              <p>{`No gadgets in the ${GADGET_AREA_NAMES[area]}.`}</p>
            ) : (
              <ol className={styles.list}>
                {order[area].map((gadget, index) => (
                  <li
                    key={gadget.id}
                    className={dragged === gadget.id ? `${styles.item} ${styles.dragging}` : styles.item}
                    draggable
                    data-gadget-id={gadget.id}
                    onDragStart={(event) => {
                      event.dataTransfer.effectAllowed = "move";
                      event.dataTransfer.setData("text/plain", gadget.id);
                      setDragged(gadget.id);
                    }}
                    onDragEnd={() => setDragged(null)}
                    onDragOver={(event) => event.preventDefault()}
                    onDrop={dropOn(area, gadget.id)}
                  >
                    <GadgetItem gadget={gadget} place={index + 1} of={order[area].length} photos={photos} actions={actions} errors={errorsOf(gadget.id)} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
