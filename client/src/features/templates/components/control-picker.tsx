import { Button, Grid, Modal, ScrollArea, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { ControlFilters, type ParamsUpdate } from '../../../components/catalog/control-filters';
import { ControlList } from '../../../components/catalog/control-list';
import { useFilteredControls } from '../api/templates';

/** Browse the catalog by attribute ("every preventive control tied to identity") and click controls to map them. */
export function ControlPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [params, setParams] = useState(() => new URLSearchParams());
  const update = useCallback<ParamsUpdate>(
    (change) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      }),
    [],
  );
  const controls = useFilteredControls(params, open);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Browse by attribute
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Pick controls" size="90%">
        <Grid>
          <Grid.Col span={4}>
            <ControlFilters params={params} onChange={update} />
          </Grid.Col>
          <Grid.Col span={8}>
            <Text size="sm" c="dimmed" mb="xs">
              {value.length} selected · click a control to add or remove it
            </Text>
            <ScrollArea h="65vh">
              {controls.data && <ControlList controls={controls.data} picked={value} onPick={(c) => onChange(value.includes(c.id) ? value.filter((x) => x !== c.id) : [...value, c.id])} />}
            </ScrollArea>
          </Grid.Col>
        </Grid>
      </Modal>
    </>
  );
}
