import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import Link from '@material-ui/core/Link';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { ImageTag } from '@internal/plugin-app-center-common';
import { errorMessage } from '../common';
import { formatAgo } from '../TaskProgress';
import { useImageTags } from './useImageTags';

export interface TagPickerProps {
  /** The image repository (host/path) whose tags are offered. */
  repository: string;
  /** The tag(s) written in git and the one(s) the pods run, marked in the list. */
  manifestTags: string[];
  runningTags: string[];
  value: string;
  onChange(tag: string): void;
  error?: string;
  label: string;
}

const Marks = (props: {
  tag: string;
  manifest: string[];
  running: string[];
}) => (
  <>
    {props.running.includes(props.tag) && (
      <Chip
        size="small"
        label="running"
        color="primary"
        style={{ marginLeft: 6 }}
      />
    )}
    {props.manifest.includes(props.tag) && (
      <Chip size="small" label="manifest" style={{ marginLeft: 6 }} />
    )}
  </>
);

/**
 * A searchable tag picker fed by the registry (newest first, running and manifest tags marked,
 * unpublishable tags disabled with their reason) that also takes a typed tag.
 */
export const TagPicker = (props: TagPickerProps) => {
  const { repository, manifestTags, runningTags, value, onChange } = props;
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState('');
  const tags = useImageTags(repository, query, opened);
  const picked = tags.items.find(t => t.tag === value.trim());

  let helper: React.ReactNode = props.error;
  if (!helper && picked && !picked.publishable) {
    helper = `Not publishable: ${picked.reason ?? 'marked by the registry'}`;
  } else if (!helper && tags.error) {
    helper = `Could not list the registry's tags (${errorMessage(
      tags.error,
    )}); type a tag instead.`;
  } else if (!helper && tags.nextCursor) {
    helper = (
      <Link component="button" type="button" onClick={() => tags.loadMore()}>
        {tags.items.length} of {tags.total ?? 'more'} tags shown: load more
      </Link>
    );
  }

  return (
    <Autocomplete<ImageTag, false, false, true>
      freeSolo
      openOnFocus
      options={tags.items}
      loading={tags.loading}
      filterOptions={options => options}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.tag
      }
      getOptionDisabled={option => !option.publishable}
      inputValue={value}
      onOpen={() => setOpened(true)}
      onInputChange={(_e, text, reason) => {
        onChange(text);
        if (reason === 'input') setQuery(text.trim());
      }}
      onChange={(_e, option) => {
        if (option === null) return;
        onChange(typeof option === 'string' ? option : option.tag);
      }}
      renderOption={option => (
        <Box display="flex" flexDirection="column" width="100%">
          <Box display="flex" alignItems="center">
            <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
              {option.tag}
            </Typography>
            <Marks
              tag={option.tag}
              manifest={manifestTags}
              running={runningTags}
            />
            <Box flexGrow={1} />
            <Typography variant="caption" color="textSecondary">
              {formatAgo(option.createdAt)}
            </Typography>
          </Box>
          {!option.publishable && (
            <Typography variant="caption" color="error">
              not publishable: {option.reason ?? 'marked by the registry'}
            </Typography>
          )}
        </Box>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          placeholder="search the registry or type a tag"
          variant="outlined"
          margin="dense"
          error={!!props.error || (picked ? !picked.publishable : false)}
          helperText={helper}
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {tags.loading && <CircularProgress color="inherit" size={16} />}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
};
