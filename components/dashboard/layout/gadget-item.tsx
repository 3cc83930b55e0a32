import { GadgetFields, type PhotoChoice } from "@/components/dashboard/layout/gadget-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Gadget } from "@/lib/gadgets/store";
import { GADGET_AREA_NAMES, GADGET_KIND_NAMES } from "@/lib/validation/gadgets";
import styles from "./layout.module.css";

type FormAction = (formData: FormData) => void;

export interface GadgetActions {
  save: FormAction;
  remove: FormAction;
  move: FormAction;
  pending: boolean;
}

interface GadgetItemProps {
  gadget: Gadget;
  place: number;
  of: number;
  photos: PhotoChoice[];
  actions: GadgetActions;
  /** Field errors of this gadget's last save, if it was refused. */
  errors: Record<string, string[] | undefined> | undefined;
}

/** One gadget: what it is, its moves (real buttons in forms: keyboard and no JavaScript), its settings and removal. */
export function GadgetItem({ gadget, place, of, photos, actions, errors }: GadgetItemProps) {
  const name = gadget.title || GADGET_KIND_NAMES[gadget.kind];
  const other = GADGET_AREA_NAMES[gadget.area === "SIDEBAR" ? "FOOTER" : "SIDEBAR"];
  // Never disabled, not even while a move is saved: a disabled button loses the keyboard's focus.
  const moveButton = (move: "UP" | "DOWN" | "OTHER_AREA", words: string) => (
    <form action={actions.move}>
      <input type="hidden" name="id" value={gadget.id} />
      <input type="hidden" name="move" value={move} />
      <Button type="submit" size="small" aria-label={`${words}: ${name}`}>
        {words}
      </Button>
    </form>
  );
  return (
    <>
      <div className={styles.head}>
        <span className={styles.handle} aria-hidden="true">
          ⠿
        </span>
        <strong>{name}</strong>
        {gadget.title && <span className={styles.kind}>{GADGET_KIND_NAMES[gadget.kind]}</span>}
        <span className={styles.kind}>{`${place} of ${of}`}</span>
      </div>
      <div className={styles.moves}>
        {/* At either end the step stays a button too, for the same reason; the server says it cannot go further. */}
        {moveButton("UP", "Move up")}
        {moveButton("DOWN", "Move down")}
        {moveButton("OTHER_AREA", `Move to the ${other}`)}
      </div>
      <details className={styles.edit} open={errors !== undefined}>
        <summary aria-label={`Edit ${name}`}>Edit</summary>
        <form action={actions.save} className={styles.form}>
          <input type="hidden" name="id" value={gadget.id} />
          <input type="hidden" name="kind" value={gadget.kind} />
          <Field id={`gadget-${gadget.id}-title`} name="title" label="Title (optional)" hint="Empty: the kind's own heading, if it has one." errors={errors?.title} type="text" maxLength={100} defaultValue={gadget.title} />
          <GadgetFields gadget={gadget} photos={photos} errors={errors ?? {}} />
          <div>
            <Button type="submit" intent="primary" disabled={actions.pending} aria-label={`Save ${name}`}>
              Save
            </Button>
          </div>
        </form>
        <form action={actions.remove} className={styles.remove}>
          <input type="hidden" name="id" value={gadget.id} />
          <Button type="submit" intent="destructive" size="small" disabled={actions.pending} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </form>
      </details>
    </>
  );
}
